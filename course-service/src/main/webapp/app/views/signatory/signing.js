// The signing page: the certificates awaiting the caller (by edition), signing them one by one or all at once and
// following a batch's progress, and the caller's registered signing certificate. Someone who signs for no party
// (an administrator) gets the registrations page instead.

import {h, replace} from '../../dom.js';
import {t, formatDate} from '../../i18n.js';
import * as api from '../../api.js';
import {field, notice, table, describe} from '../../forms.js';
import {navigate} from '../../router.js';
import {myParties, awaiting} from './common.js';
import {registration, credentialSection} from './registration.js';
import {signDialog, openSignDialog, previewDialog, preview, download, uploadDialog, openUploadDialog, revokeDialog,
    openRevokeDialog} from './dialogs.js';
import {adminPage} from './admin.js';

/** How often a running batch's progress is read. */
const POLL_MILLIS = 800;

export async function signingPage(main, params, query) {
    const parties = myParties();
    if (!parties.length) {
        return adminPage(main);
    }
    const party = parties.find(p => p.as === query.get('as')) || parties[0];
    const edition = query.get('edition') || '';
    const [registered, certificates] = await Promise.all([
        registration(party.key),
        api.certificates('/certificates?status=ISSUED'),
    ]);
    const mine = awaiting(certificates, party);
    const shown = edition ? mine.filter(c => c.editionCode === edition) : mine;
    const page = {main, party, parties, edition, registered, mine, shown};
    // The dialogs (dialogs.js) show a batch's progress and read the list again through these.
    page.follow = batch => follow(page, batch);
    page.reloadList = (kind, text) => reloadList(page, kind, text);

    page.notice = h('div', {id: 'sign-notice', tabindex: '-1'});
    page.progress = h('section', {id: 'sign-progress', class: 'card sign-progress', hidden: true,
        'aria-labelledby': 'sign-progress-title'});
    page.signDialog = signDialog(page);
    page.uploadDialog = uploadDialog(page);
    page.revokeDialog = revokeDialog(page);
    page.previewDialog = previewDialog();

    const list = h('section', {'aria-labelledby': 'sign-awaiting-title'},
        h('h2', {id: 'sign-awaiting-title'}, t('sign.awaiting.title')),
        page.notice,
        page.progress,
        toolbar(page),
        certificateTable(page));
    // The list is the daily work; until a signing certificate is registered, registering it comes first.
    replace(main,
        h('h1', {}, t('sign.title')),
        parties.length > 1 ? partyChoice(page) : null,
        h('p', {class: 'sign-intro'}, t('sign.intro', {party: party.name})),
        registered ? [list, credentialSection(page)] : [credentialSection(page), list],
        page.signDialog, page.uploadDialog, page.revokeDialog, page.previewDialog);
}

/** Someone who signs both as the IIN and as a state says which for this page. */
function partyChoice(page) {
    return h('fieldset', {class: 'sign-party-choice'},
        h('legend', {}, t('sign.as')),
        page.parties.map(p => h('label', {class: 'sign-radio'},
            h('input', {type: 'radio', name: 'sign-as', value: p.as, checked: p.as === page.party.as,
                onchange: () => navigate(pageLink({...page, party: p}))}),
            ' ', p.label)));
}

function pageLink(page, edition = page.edition) {
    const query = new URLSearchParams();
    if (page.parties.length > 1) {
        query.set('as', page.party.as);
    }
    if (edition) {
        query.set('edition', edition);
    }
    const text = query.toString();
    return 'signing' + (text ? '?' + text : '');
}

function toolbar(page) {
    const editions = new Map(page.mine.map(c => [c.editionCode, c.editionCode + ' · ' + c.editionTitle]));
    if (page.edition && !editions.has(page.edition)) {
        editions.set(page.edition, page.edition); // Everything of it is signed now: the choice stays what it was.
    }
    const filter = field({name: 'edition', label: t('common.edition'), value: page.edition,
        options: [['', t('sign.allEditions')], ...[...editions.entries()].sort()],
        onchange: e => navigate(pageLink(page, e.target.value))});
    const count = page.shown.length;
    page.signAllButton = h('button', {type: 'button', class: 'primary', id: 'sign-all', disabled: count === 0,
        onclick: () => openSignDialog(page, {all: true, count})},
        t('sign.signAll', {count}));
    return h('div', {class: 'sign-toolbar'},
        h('div', {class: 'sign-filter'}, filter),
        h('div', {class: 'sign-all'}, page.signAllButton,
            h('p', {class: 'hint'}, page.edition ? t('sign.signAllHintEdition', {edition: page.edition})
                : t('sign.signAllHint'))));
}

function certificateTable(page) {
    const leader = page.party.as === 'IIN';
    if (!page.shown.length) {
        return h('div', {id: 'sign-list'}, h('p', {class: 'notice info'}, t('sign.awaiting.none')));
    }
    const columns = [
        {label: t('sign.col.holder'), cell: c => c.holder?.name},
        {label: t('common.edition'), cell: c => c.editionCode, class: 'sign-code'},
        {label: t('common.state'), cell: c => c.state?.name + ' (' + c.state?.code + ')'},
        {label: t('sign.col.number'), cell: c => c.number, class: 'sign-code'},
        {label: t('sign.col.signatures'), cell: c => signatures(c)},
        {label: t('common.actions'), cell: c => h('div', {class: 'actions sign-actions'},
            action(c, 'preview', 'sign.preview', e => preview(page, c, e.currentTarget)),
            action(c, 'primary sign-one', 'sign.signOne', () => openSignDialog(page, {certificate: c})),
            action(c, 'download', 'sign.download', e => download(page, c, e.currentTarget)),
            action(c, 'upload', 'sign.upload', () => openUploadDialog(page, c)),
            leader ? action(c, 'danger revoke', 'sign.revoke', () => openRevokeDialog(page, c)) : null)},
    ];
    const list = h('div', {id: 'sign-list'}, table(columns, page.shown, {
        caption: t('sign.awaiting.caption', {count: page.shown.length}),
        rowAttrs: c => ({dataset: {certificate: c.id, number: c.number}}),
    }));
    // On a phone each row is shown as a block, each cell under its column's name (signatory.css).
    list.querySelectorAll('tbody tr').forEach(tr => [...tr.cells].forEach((td, i) => { td.dataset.label = columns[i].label; }));
    return list;
}

/** A row's button; its accessible name says which certificate, since every row has the same buttons. */
function action(c, className, key, onclick) {
    return h('button', {type: 'button', class: className, onclick,
        'aria-label': t('sign.actionOn', {action: t(key), number: c.number, holder: c.holder?.name})}, t(key));
}

/** Which of the two signatures the certificate has, and when. */
function signatures(c) {
    return h('ul', {class: 'sign-signatures'}, ['iin', 'state'].map(key => {
        const s = c.signatures?.[key];
        const who = key === 'iin' ? t('sign.party.short.IIN') : c.state?.code;
        return h('li', {class: s ? 'sign-yes' : 'sign-no'},
            h('span', {class: 'badge ' + (s ? 'sign-badge-yes' : 'sign-badge-no')},
                s ? t('sign.signature.present', {who}) : t('sign.signature.missing', {who})),
            s ? ' ' + formatDate(s.signedAt) : null);
    }));
}

/** Shows a batch's progress until it ends, then what it did, and the list as it is now. */
async function follow(page, batch) {
    page.signAllButton.disabled = true;
    const bar = h('progress', {id: 'sign-progress-bar', max: Math.max(batch.total, 1), value: 0,
        'aria-labelledby': 'sign-progress-title'});
    const status = h('p', {id: 'sign-progress-status', role: 'status', 'aria-live': 'polite'});
    const details = h('div', {id: 'sign-progress-details'});
    page.progress.hidden = false;
    replace(page.progress, h('h2', {id: 'sign-progress-title'}, t('sign.progress.title')), bar, status, details);
    page.progress.scrollIntoView({block: 'nearest'});
    let current = batch;
    while (current.status === 'RUNNING' && page.main.contains(page.progress)) {
        show(current);
        await pause(POLL_MILLIS);
        try {
            current = await api.certificates('/signing-batches/' + batch.id);
        } catch (error) {
            replace(details, h('p', {class: 'notice error', role: 'alert'}, describe(error)));
            return;
        }
    }
    if (!page.main.contains(page.progress)) {
        return;
    }
    show(current);
    replace(details,
        h('p', {class: 'notice ' + (current.status === 'COMPLETED' && !current.failed ? 'ok' : current.status === 'COMPLETED' ? 'warn' : 'error'),
            id: 'sign-progress-summary'},
        current.status !== 'COMPLETED' ? t('sign.progress.interrupted', {done: current.done, total: current.total})
            : current.failed ? t('sign.progress.completedWithFailures', {done: current.done, failed: current.failed})
            : t('sign.progress.completed', {done: current.done})),
        current.failures?.length ? h('ul', {class: 'sign-failures'}, current.failures.map(f => h('li', {}, f))) : null);
    await reloadList(page);

    function show(b) {
        bar.max = Math.max(b.total, 1);
        bar.value = b.done + b.failed;
        replace(status, t('sign.progress.status', {done: b.done, total: b.total, failed: b.failed}));
    }
}

function pause(millis) {
    return new Promise(resolve => setTimeout(resolve, millis));
}

/** Reads the list again (what was signed leaves it) and says what happened above it. */
async function reloadList(page, kind, text) {
    const certificates = await api.certificates('/certificates?status=ISSUED');
    page.mine = awaiting(certificates, page.party);
    page.shown = page.edition ? page.mine.filter(c => c.editionCode === page.edition) : page.mine;
    page.main.querySelector('.sign-toolbar')?.replaceWith(toolbar(page));
    page.main.querySelector('#sign-list')?.replaceWith(certificateTable(page));
    if (text) {
        notice(page.notice, kind, text);
        page.notice.focus();
    }
}
