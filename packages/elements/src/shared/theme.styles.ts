import { css } from 'lit';

/**
 * The public theming surface shared by every element: `--bz-*` custom properties (documented
 * in docs/embedding.md and each element's JSDoc, so the custom elements manifest lists them).
 * Sizes are in `em` because host pages often set `html { font-size: 62.5% }`; the defaults meet
 * WCAG 2.2 AA contrast on white (text 17.2:1, muted 8.7:1, accent 6.7:1, danger 7.8:1, white on
 * accent 6.7:1 and on danger 7.8:1; borders 3.4:1; the yellow focus ring has a dark halo, 10.5:1).
 *
 * Font, colour and line height are declared on `.base` (part `base`), not only on `:host`: a
 * host page's `* { font-family: …; color: …; line-height: … }` targets the host element itself
 * and beats `:host` rules, but cannot reach inside the shadow root. The other inherited text
 * properties a hostile page may set on `body` or `*` are reset there for the same reason. Every
 * widget is drawn as the same box there too (surface, border, radius, padding).
 * Written one rule a line, without spaces: esbuild ships css`` text as written and every widget
 * has a byte budget.
 */
export const themeStyles = css`
:host{--_font:var(--bz-font-family,Vazirmatn,Tahoma,'Segoe UI',system-ui,sans-serif);--_text:var(--bz-color-text,#1b1b1f);--_muted:var(--bz-color-text-muted,#4a4a55);--_surface:var(--bz-color-surface,#fff);--_border:var(--bz-color-border,#8a8a99);--_accent:var(--bz-color-accent,#0b5cad);--_on-accent:var(--bz-color-on-accent,#fff);--_danger:var(--bz-color-danger,#a4161a);--_on-danger:var(--bz-color-on-danger,#fff);--_focus:var(--bz-color-focus,#ffbf47);--_radius:var(--bz-radius,.5em);--_space:var(--bz-space,1em);display:block;box-sizing:border-box}
:host([hidden]){display:none}
.base{font:400 var(--bz-font-size,1em)/var(--bz-line-height,1.7) var(--_font);color:var(--_text);letter-spacing:normal;word-spacing:normal;text-transform:none;text-indent:0;text-align:start;text-shadow:none;white-space:normal;background:var(--_surface);border:.0625em solid var(--_border);border-radius:var(--_radius);padding:var(--_space)}
*,*::before,*::after{box-sizing:inherit}
.visually-hidden{position:absolute!important;inline-size:1px;block-size:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
[tabindex='-1']:focus{outline:0}
[tabindex='-1']:focus-visible,a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:.2em solid var(--_focus);outline-offset:.15em;box-shadow:0 0 0 .35em var(--_text)}
`;
