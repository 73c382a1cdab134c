import { css } from 'lit';

/**
 * GOV.UK-like question pages: large targets, one column, logical properties, sizes in em.
 * One rule per line, without spaces: esbuild does not minify CSS inside css``, and the widget
 * has a byte budget.
 */
export const eligibilityCheckerStyles = css`
h2{font-size:1.5em;line-height:1.3;margin:0 0 0.5em}
h3{font-size:1.25em}
h4,h5{font-size:1.0625em;margin-block:0.75em 0.25em}
p{margin-block:0 1em}
fieldset{border:0;margin:0 0 1em;padding:0;min-inline-size:0}
legend,.field>label,dt{padding:0;font-weight:700}
.field{margin-block-end:1.25em}
.field>label{display:block}
.invalid,.note,.problem{border-inline-start:0.3em solid var(--_danger);padding-inline-start:0.75em}
.note{border-color:var(--_accent)}
.hint,.progress{color:var(--_muted);display:block;margin-block:0 0.5em}
input[type='text']{font:inherit;font-size:1.125em;padding:0.35em 0.5em;inline-size:12em;max-inline-size:100%;border:0.125em solid var(--_text);color:inherit;background:var(--_surface)}
.choices{display:flex;flex-wrap:wrap;flex-direction:column;gap:0.5em 1.5em}
.inline{flex-direction:row}
.choice{display:flex;align-items:flex-start;gap:0.5em}
.choice input{inline-size:1.5em;block-size:1.5em;margin:0;flex:none;accent-color:var(--_accent)}
.member,.result{border:0.0625em solid var(--_border);border-radius:var(--_radius);padding:0.75em;margin-block-end:1em}
button{font:inherit;cursor:pointer;min-block-size:2.75em;padding:0.4em 1em;margin-block-end:0.5em;border-radius:var(--_radius);border:0.125em solid var(--_accent);background:var(--_surface);color:var(--_accent)}
.primary,.exit{background:var(--_accent);color:var(--_on-accent);font-weight:700}
.link{border:0;padding:0;min-block-size:1.5em;background:none;text-decoration:underline}
a{color:var(--_accent)}
.top{position:sticky;inset-block-start:0;z-index:1;text-align:end;background:var(--_surface);padding-block:.25em}
.exit{margin:0;background:var(--_danger);color:var(--_on-danger);border-color:var(--_danger)}
.top .hint{margin:0;font-size:.875em}
*{scroll-margin-block:7em 1em}
.row,.links,.actions{display:flex;flex-wrap:wrap;gap:0 1em}
.links,.actions{align-items:center}
.row{padding-block:0.5em;border-block-end:0.0625em solid var(--_border)}
dt{flex:1 1 14em}
dd{margin:0;flex:1 1 10em}
.result{border-inline-start-width:0.4em}
.likely .result{border-inline-start-color:var(--bz-color-success,#1d7044)}
ul{margin-block:0 0.5em;padding-inline-start:1.25em}
.resume{margin-block-start:1.5em;padding-block-start:1em;border-block-start:0.0625em solid var(--_border)}
@media print{.top,.actions,.back,.links button,.resume{display:none}}
`;
