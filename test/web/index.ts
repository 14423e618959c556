// The test module the web worker extension host loads (out/test/web/index.js): mocha's browser
// build, with the suites bundled in. Run by test/runWebIntegration.mjs.
import 'mocha/mocha.js';

/** console.log's placeholders, as Node's util.format fills them: the host forwards only the joined text. */
function format(...args: unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  if (typeof first !== 'string') return [first, ...rest].map(String).join(' ');
  const text = first.replace(/%[sdij%]/g, p => (p === '%%' ? '%' : rest.length > 0 ? String(rest.shift()) : p));
  return [text, ...rest.map(String)].join(' ');
}

export function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60000 });
  require('./host.test');
  require('./core.test');
  return new Promise<void>((resolve, reject) => {
    mocha.run(failures => (failures > 0 ? reject(new Error(`${failures} web test(s) failed`)) : resolve()));
  });
}
