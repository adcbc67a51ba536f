// The pages' frame: the header (who is signed in, their roles and state, language, sign out), sign-in and the
// home page; router.js shows the page the address names. Each role's pages live in views/<role>/, one module a
// page, and its index.js lists their routes and home cards.

import {h, replace} from './dom.js';
import {t, language, chooseLanguage, LANGUAGES} from './i18n.js';
import * as api from './api.js';
import * as session from './session.js';
import {field, formMessage, onSubmit, Message} from './forms.js';
import {start, navigate, refresh} from './router.js';
import * as leader from './views/leader/index.js';
import * as coordinator from './views/coordinator/index.js';
import * as signatory from './views/signatory/index.js';

const top = document.getElementById('top');

function drawHeader() {
    const account = session.account();
    const languageChoice = h('select', {id: 'language', 'aria-label': t('session.language'),
            onchange: e => { chooseLanguage(e.target.value); refresh(); }},
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
start({
    routes: [
        {path: 'login', render: loginPage, public: true},
        {path: '', render: homePage},
        ...leader.routes,
        ...coordinator.routes,
        ...signatory.routes,
    ],
    frame: drawHeader,
    into: document.getElementById('view'),
});
