import { css } from 'lit';

// Logical properties only and sizes in em (host pages often set html { font-size: 62.5% }).
// One column that wraps: it works at 320 px and at 400 % zoom without horizontal scrolling.
// Written one rule a line: the bundler ships CSS text as written, and every byte is the user's.
// Layout classes: .way is a column (each way to locate, the error, the map, the results),
// .row wraps its items on one line (lists and buttons, distance and hours, directions).
export const serviceLocatorStyles = css`
.base{--_open:var(--bz-color-open,var(--bz-color-success,#1e6b30));background:var(--_surface);border:.0625em solid var(--_border);padding:var(--_space);overflow-wrap:anywhere}
.base,.ways{display:grid;gap:var(--_space)}
p,ul,ol,h2,h3,fieldset{margin:0}
h2{font-size:1.25em;line-height:1.3;scroll-margin-block-start:.75em}
h3{font-size:1.125em;line-height:1.3}
.way,.result,fieldset{display:grid;gap:.5em;justify-items:start}
fieldset{border:0;padding:0;min-inline-size:0;justify-items:stretch}
legend,label{font-weight:700;padding:0}
legend{margin-block-end:.5em}
.row{display:flex;flex-wrap:wrap;gap:.5em .75em;align-items:end;inline-size:100%}
.field{display:grid;gap:.25em;flex:1 1 10em;min-inline-size:0}
select,input,button{font:inherit;min-block-size:2.75em;max-inline-size:100%;border-radius:calc(var(--_radius)/2)}
select,input{color:var(--_text);background:var(--_surface);border:.125em solid var(--_border);padding-inline:.5em;inline-size:100%}
.row input{flex:1 1 12em;inline-size:auto}
button{padding:.4em 1em;border:.125em solid var(--_accent);background:var(--_surface);color:var(--_accent);font-weight:700;cursor:pointer;text-align:start}
.primary,[aria-pressed=true]{background:var(--_accent);color:var(--_on-accent)}
.link{border:0;padding-inline:.25em;min-block-size:2em;text-decoration:underline;font-weight:400}
a{color:var(--_accent)}
.hint,.muted{color:var(--_muted)}
.hint{font-size:.9em}
.problem,.error{color:var(--_danger)}
.base,.error,.result,.map{border-radius:var(--_radius)}
.error,.result{padding:.75em}
.error{border:.125em solid var(--_danger)}
.error p+p{color:var(--_text)}
ul,ol{list-style:none;padding:0}
.notice{background:color-mix(in srgb,var(--_focus) 25%,var(--_surface));border-inline-start:.3em solid var(--_focus);padding:.5em .75em}
.list{display:grid;gap:.75em;counter-reset:r}
.result{counter-increment:r;border:.0625em solid var(--_border)}
.selected{border-color:var(--_accent);box-shadow:0 0 0 .125em var(--_accent)}
h3::before{content:counter(r) '. ';color:var(--_muted)}
h3:lang(fa)::before{content:counter(r,persian) '. '}
.distance,.open{font-weight:700}
.open{color:var(--_open)}
.phones a{font-weight:700;font-size:1.125em;display:inline-block;min-inline-size:2.75em;min-block-size:1.5em}
.directions{display:flex;flex-wrap:wrap;gap:.25em .75em;align-items:baseline}
.directions a{display:inline-block;min-block-size:1.5em}
.summary{font-weight:700;border-inline-start:.3em solid var(--_accent);padding-inline-start:.5em}
.hotlines{display:grid;gap:.25em;border:.0625em dashed var(--_border);border-radius:var(--_radius);padding:.5em .75em;inline-size:100%;box-sizing:border-box}
.map{inline-size:100%;block-size:var(--bz-map-height,20em);border:.0625em solid var(--_border)}
.map[hidden]{display:none}
`;
