// The router: which page the address (#/editions/2027-1) shows, and going to another. Views import navigate()
// and refresh() from here; main.js gives the routes and the frame, so no view needs main.js (which imports them).

import {h, replace} from './dom.js';
import {t, language} from './i18n.js';
import * as session from './session.js';
import {describe} from './forms.js';

/** Every route: a path pattern (":name" is a parameter), the roles that may open it, and how to draw it. */
const routes = [];

/** Draws what surrounds every page (the header); main.js sets it. */
let drawFrame = () => {};

let view = null;

/** Starts showing pages in `into`: now, and at every change of the address. */
export function start({routes: all, frame, into}) {
    routes.push(...all);
    drawFrame = frame;
    view = into;
    window.addEventListener('hashchange', show);
    show();
}

/** Goes to a page: navigate('editions/2027-1'). */
export function navigate(path) {
    if (location.hash === '#/' + path) {
        show();
    } else {
        location.hash = '#/' + path;
    }
}

/** Draws the current page again (after a change of language, or data). */
export function refresh() {
    show();
}

/** Counts navigations: a page that finishes loading after the user has moved on must not overwrite the newer one. */
let shown = 0;

async function show() {
    const mine = ++shown;
    document.documentElement.lang = language();
    const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
    const match = find(path);
    drawFrame();
    if (!match) {
        replace(view, h('h1', {}, t('common.notFound')));
        return;
    }
    if (!match.route.public && !session.current()) {
        navigate('login');
        return;
    }
    if (match.route.roles && !session.hasRole(...match.route.roles)) {
        replace(view, h('h1', {}, t('common.forbidden')));
        return;
    }
    replace(view, h('p', {class: 'loading'}, t('common.loading')));
    // Each page draws into its own container (which it keeps, to redraw itself after a change), put in place only
    // if no newer navigation happened meanwhile.
    const page = h('div', {class: 'page'});
    try {
        await match.route.render(page, match.params, new URLSearchParams(query || ''));
    } catch (error) {
        replace(page, h('p', {class: 'notice error', role: 'alert'}, describe(error)));
    }
    if (mine !== shown) {
        return;
    }
    replace(view, page);
    document.title = (view.querySelector('h1')?.textContent || '') + ' · CSEC';
}

function find(path) {
    const parts = path.split('/').filter(Boolean);
    for (const route of routes) {
        const pattern = route.path.split('/').filter(Boolean);
        if (pattern.length !== parts.length) {
            continue;
        }
        const params = {};
        if (pattern.every((p, i) => p.startsWith(':') ? (params[p.substring(1)] = decodeURIComponent(parts[i]), true) : p === parts[i])) {
            return {route, params};
        }
    }
    return null;
}
