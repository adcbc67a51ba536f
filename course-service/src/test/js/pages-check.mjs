// Checks the pages' modules without a browser, so a mistake fails the build before the browser tests run:
// - every language's catalog (app/i18n/<language>.js) has exactly the same keys, each written once, each a text;
// - every message a module asks for with t('key') is in every catalog;
// - every relative import names a module that exists and exports what is imported;
// - no module but index.html's own imports main.js (the views reach the router through router.js);
// - no module writes HTML as text (the content security policy and the pages' safety rely on it).
// Run by Maven at the test phase (course-service/pom.xml); by hand: node src/test/js/pages-check.mjs [app folder].

import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const app = path.resolve(process.argv[2] || path.join(here, '../../main/webapp/app'));
const problems = [];
const fail = text => problems.push(text);
const name = file => path.relative(app, file);

function modules(folder) {
    return fs.readdirSync(folder, {withFileTypes: true}).flatMap(entry => {
        const file = path.join(folder, entry.name);
        return entry.isDirectory() ? modules(file) : entry.name.endsWith('.js') ? [file] : [];
    }).sort();
}

/** The source without comments, so commented-out code is not checked. */
function code(file) {
    return fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

// ---- the catalogs

const catalogs = {};
for (const file of modules(path.join(app, 'i18n'))) {
    const language = path.basename(file, '.js');
    const source = code(file);
    const keys = [...source.matchAll(/^\s*'([^']+)'\s*:/gm)].map(m => m[1]);
    for (const key of new Set(keys.filter((key, i) => keys.indexOf(key) !== i))) {
        fail(`${name(file)}: '${key}' is written more than once (the last one wins)`);
    }
    if (!/^export default \{/m.test(source)) {
        fail(`${name(file)}: exports no default object`);
        continue;
    }
    const messages = vm.runInNewContext('(' + source.replace(/^export default /m, '').trim().replace(/;$/, '') + ')');
    for (const [key, text] of Object.entries(messages)) {
        if (typeof text !== 'string' || !text.trim()) {
            fail(`${name(file)}: '${key}' is not a text`);
        }
    }
    catalogs[language] = messages;
}
const languages = Object.keys(catalogs);
if (!languages.includes('es') || !languages.includes('en')) {
    fail(`i18n/: Spanish and English catalogs expected, found ${languages.join(', ') || 'none'}`);
}
const allKeys = new Set(languages.flatMap(language => Object.keys(catalogs[language])));
for (const language of languages) {
    const missing = [...allKeys].filter(key => !(key in catalogs[language]));
    if (missing.length) {
        fail(`i18n/${language}.js lacks ${missing.length} key(s) another language has: ${missing.join(', ')}`);
    }
}

// ---- the modules

const files = modules(app);
const exportsOf = new Map();
for (const file of files) {
    const source = code(file);
    const names = new Set([...source.matchAll(/^export (?:async )?(?:function\*?|const|let|var|class) (\w+)/gm)].map(m => m[1]));
    for (const list of source.matchAll(/^export \{([^}]*)\}/gm)) {
        list[1].split(',').map(s => s.trim().split(/\s+as\s+/).pop()).filter(Boolean).forEach(n => names.add(n));
    }
    if (/^export default /m.test(source)) {
        names.add('default');
    }
    exportsOf.set(file, names);
}

let asked = 0;
for (const file of files) {
    const source = code(file);
    // t('key'), and t(condition ? 'one.key' : 'other.key'); keys made at run time ('edition.' + status) are not seen.
    const keys = [...source.matchAll(/\bt\(\s*'([^'\\]+)'\s*[,)]/g)].map(m => m[1]);
    for (const m of source.matchAll(/\bt\([^()'"]*\?\s*'([^'\\]+)'\s*:\s*'([^'\\]+)'\s*[,)]/g)) {
        keys.push(m[1], m[2]);
    }
    for (const key of keys) {
        asked++;
        const lacking = languages.filter(language => !(key in catalogs[language]));
        if (lacking.length) {
            fail(`${name(file)}: t('${key}') is in no catalog of ${lacking.join(', ')}`);
        }
    }
    for (const m of source.matchAll(/^import\s+([\s\S]*?)\s+from\s+'([^']+)';/gm)) {
        const [, what, from] = m;
        if (!from.startsWith('.')) {
            fail(`${name(file)}: imports '${from}', which is not a module of the pages`);
            continue;
        }
        const target = path.resolve(path.dirname(file), from);
        if (!exportsOf.has(target)) {
            fail(`${name(file)}: imports '${from}', which does not exist`);
            continue;
        }
        if (path.relative(app, target) === 'main.js') {
            fail(`${name(file)}: imports main.js (navigate and refresh are router.js's)`);
        }
        const wanted = what.startsWith('*') ? []
            : what.startsWith('{') ? what.replace(/[{}]/g, '').split(',').map(s => s.trim().split(/\s+as\s+/)[0]).filter(Boolean)
            : ['default'];
        for (const n of wanted.filter(n => !exportsOf.get(target).has(n))) {
            fail(`${name(file)}: imports ${n === 'default' ? 'a default' : n} from '${from}', which does not export it`);
        }
    }
    for (const m of source.matchAll(/\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write)\b/g)) {
        fail(`${name(file)}: uses ${m[1]} (text goes in as text: dom.js's h() and replace())`);
    }
}

if (problems.length) {
    console.error(`The pages' check failed (${app}):\n  ` + problems.join('\n  '));
    process.exit(1);
}
console.log(`The pages' check: ${files.length} modules, catalogs ${languages.join(', ')} with ${allKeys.size} keys each, `
    + `${asked} t('…') keys found in them, every import resolved.`);
