// The pages' frame: the header (who is signed in, their roles and state, language, sign out), sign-in, the
// home page, and the router. Each area's pages live in views/ and list their own routes.

import {h, replace} from './dom.js';
import {t, language, chooseLanguage, LANGUAGES} from './i18n.js';
import * as api from './api.js';
import * as session from './session.js';
import {field, formMessage, onSubmit, describe, Message} from './forms.js';
import * as leader from './views/leader.js';
import * as coordinator from './views/coordinator.js';
import * as signatory from './views/signatory.js';

const view = document.getElementById('view');
const top = document.getElementById('top');

/** Every route: a path pattern (":name" is a parameter), the roles that may open it, and how to draw it. */
const routes = [
    {path: 'login', render: loginPage, public: true},
    {path: '', render: homePage},
    ...leader.routes,
    ...coordinator.routes,
    ...signatory.routes,
];

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
    drawHeader();
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

function drawHeader() {
    const account = session.account();
    const languageChoice = h('select', {id: 'language', 'aria-label': t('session.language'),
            onchange: e => { chooseLanguage(e.target.value); show(); }},
        Object.entries(LANGUAGES).map(([code, name]) => h('option', {value: code, selected: code === language(), lang: code}, name)));
    const links = [h('a', {href: '#/'}, t('nav.home'))];
    if (account && session.hasRole('COURSE_LEADER', 'STATE_COORDINATOR')) {
        links.push(h('a', {href: '#/editions'}, t('nav.editions')));
    }
    if (account && session.hasRole('COURSE_LEADER', 'STATE_SIGNATORY', 'ADMIN')) {
        links.push(h('a', {href: '#/signing'}, t('nav.signing')));
    }
    if (account && session.hasRole('COURSE_LEADER', 'ADMIN')) {
        links.push(h('a', {href: '#/audit'}, t('nav.audit')));
    }
    replace(top,
        h('div', {class: 'brand'}, h('strong', {}, t('app.title')), h('span', {}, t('app.institution'))),
        account ? h('nav', {'aria-label': t('nav.home')}, links) : null,
        h('div', {class: 'who'},
            account ? h('span', {id: 'whoami'},
                t('session.signedInAs', {name: account.displayName}),
                ' · ', account.roles.map(r => t('role.' + r)).join(', '),
                account.state ? ' · ' + t('common.state') + ' ' + account.state : '') : null,
            languageChoice,
            account ? h('button', {type: 'button', id: 'sign-out', class: 'link', onclick: signOut}, t('session.signOut')) : null));
}

async function signOut() {
    try {
        await api.course('/sessions/current', {method: 'DELETE'});
    } catch (alreadyEnded) {
        // Signed out either way.
    }
    session.end();
    navigate('login');
}

function loginPage(main, params, query) {
    if (session.current()) {
        navigate('');
        return;
    }
    const form = h('form', {id: 'login-form', class: 'card narrow', novalidate: true},
        field({name: 'username', label: t('login.username'), required: true, autocomplete: 'username', autofocus: true}),
        field({name: 'password', label: t('login.password'), type: 'password', required: true, autocomplete: 'current-password'}),
        formMessage(),
        h('button', {type: 'submit', class: 'primary'}, t('login.submit')));
    onSubmit(form, async data => {
        try {
            session.begin(await api.course('/sessions', {method: 'POST',
                json: {username: data.get('username'), password: data.get('password')}}));
        } catch (error) {
            if (error.status === 401) {
                throw new Message(t('login.refused'));
            }
            if (error.status === 429) {
                throw new Message(t('login.throttled', {minutes: Math.ceil((error.retryAfterSeconds || 60) / 60)}));
            }
            throw error;
        }
        navigate('');
    });
    replace(main,
        h('h1', {}, t('login.title')),
        query.get('ended') ? h('p', {class: 'notice info', role: 'status'}, t('session.ended')) : null,
        form,
        h('p', {}, h('a', {href: '../certificates/verify/'}, t('nav.verify'))));
}

async function homePage(main) {
    const account = session.account();
    const cards = [];
    if (session.hasRole('COURSE_LEADER', 'STATE_COORDINATOR')) {
        cards.push(...await coordinator.homeCards());
    }
    if (session.hasRole('COURSE_LEADER')) {
        cards.push(...leader.homeCards());
    }
    if (session.hasRole('COURSE_LEADER', 'STATE_SIGNATORY', 'ADMIN')) {
        cards.push(...signatory.homeCards());
    }
    replace(main,
        h('h1', {}, t('home.title') + ', ' + account.displayName),
        cards.length ? h('section', {'aria-label': t('home.yourPages'), class: 'cards'}, cards)
            : h('p', {class: 'notice info'}, t('home.noRole')));
}

api.whenSessionEnds(() => navigate('login?ended=1'));
window.addEventListener('hashchange', show);
show();
