#!/usr/bin/env node
// npm run bench [-- scenario...]: runs the named benchmark scenarios (all by default) and
// prints their figures. Each scenario measures its baselines in the same run.
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');

const scenarios = fs.readdirSync(path.join(__dirname, 'scenarios')).map((f) => f.replace(/\.js$/, ''));
const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!scenarios.includes(name)) {
    console.error(`unknown scenario '${name}'; known: ${scenarios.join(', ')}`);
    process.exit(2);
  }
}

/** Replaces the scenario's section of BENCHMARKS.md (or appends it) with fresh figures. */
function record(name, markdown) {
  const file = path.join(__dirname, '..', 'BENCHMARKS.md');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
  const section = [
    `<!-- bench:${name} -->`,
    `## ${name}`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench -- ${name}\` on ${machine}.`,
    '',
    markdown,
    `<!-- /bench:${name} -->`,
  ].join('\n');
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n\nFigures from `npm run bench`; each section is rewritten by its scenario.\n';
  const re = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`);
  text = re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(file, text);
}

(async () => {
  for (const name of wanted.length ? wanted : scenarios) {
    console.log(`\n## ${name}`);
    const markdown = await require(`./scenarios/${name}.js`).run();
    console.log(markdown);
    record(name, markdown);
  }
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
