// Building the page: every piece of text goes in as a text node, never as HTML, so whatever a user typed
// (a name like <script>…) is shown as text. There is no innerHTML anywhere in the pages.

const SVG = 'http://www.w3.org/2000/svg';

/** h('button', {class: 'primary', onclick: f}, 'Save') — attributes, then children (strings or nodes). */
export function h(tag, attrs, ...children) {
    return build(document.createElement(tag), attrs, children);
}

/** The same for SVG elements (charts). */
export function svg(tag, attrs, ...children) {
    return build(document.createElementNS(SVG, tag), attrs, children);
}

function build(element, attrs, children) {
    for (const [name, value] of Object.entries(attrs || {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name.startsWith('on') && typeof value === 'function') {
            element.addEventListener(name.substring(2), value);
        } else if (name === 'dataset') {
            Object.assign(element.dataset, value);
        } else if (name === 'value' && 'value' in element && element.namespaceURI !== SVG) {
            element.value = value;
        } else if (name === 'checked' || name === 'selected' || name === 'disabled') {
            element[name] = Boolean(value);
        } else {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children.flat(Infinity)) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

/** Replaces what an element holds. */
export function replace(element, ...children) {
    element.replaceChildren();
    append(element, children);
    return element;
}

/** Saves a file the browser already has (a blob) under a name. */
export function saveFile(blob, filename) {
    const url = URL.createObjectURL(blob);
    const link = h('a', {href: url, download: filename});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
