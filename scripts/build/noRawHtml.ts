/**
 * Claimlight never renders raw HTML. Preact keeps one `innerHTML =` for
 * `dangerouslySetInnerHTML`, which Firefox's add-on linter flags; this plugin
 * turns that branch into an error in the final bundles and fails the build if
 * any other `innerHTML`/`outerHTML` assignment appears.
 */
import type { Plugin } from 'vite';

const PREACT_RAW_HTML = /([\w$]+)\.innerHTML\s*=\s*([\w$]+)\.__html/g;
const ANY_RAW_HTML = /\.(?:inner|outer)HTML\s*=(?!=)/;
const REFUSAL = '(()=>{throw Error("Claimlight renders no raw HTML")})()';

export function stripRawHtml(code: string): string {
  return code.replace(PREACT_RAW_HTML, REFUSAL);
}

export function findRawHtmlAssignment(code: string): string | null {
  const match = ANY_RAW_HTML.exec(code);
  return match ? code.slice(Math.max(0, match.index - 40), match.index + 40) : null;
}

export function noRawHtml(): Plugin {
  return {
    name: 'claimlight:no-raw-html',
    apply: 'build',
    enforce: 'post',
    renderChunk(code) {
      return stripRawHtml(code);
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!file.fileName.endsWith('.js')) continue;
        if (file.type === 'chunk') file.code = stripRawHtml(file.code);
        else if (typeof file.source === 'string') file.source = stripRawHtml(file.source);
        const text = file.type === 'chunk' ? file.code : String(file.source);
        const found = findRawHtmlAssignment(text);
        if (found) this.error(`${file.fileName} assigns raw HTML near: ${found}`);
      }
    },
  };
}
