// The signatories' pages: the certificates awaiting the caller's signature, a preview of each, signing on the
// server (one, or all of them in a batch whose progress is shown) with the PKCS#12 file and passphrase given at
// that moment, or downloading the prepared PDF to sign elsewhere and uploading it; and the signing certificate
// registered for the caller's party. The course leader signs as the IIN, a state signatory as their state; an
// administrator registers signing certificates for any party. The passphrase lives only in its password field and
// in the one request that uses it; the field is cleared as soon as it is sent. It never reaches storage or the URL.

import {h, replace, saveFile} from '../dom.js';
import {t, formatDate, formatDateTime} from '../i18n.js';
import * as api from '../api.js';
import {ApiError} from '../api.js';
import * as session from '../session.js';
import {field, formMessage, onSubmit, notice, table, describe, clearErrors, Message} from '../forms.js';
import {navigate} from '../router.js';

const SIGNERS = ['COURSE_LEADER', 'STATE_SIGNATORY', 'ADMIN'];

/** How often a running batch's progress is read. */
const POLL_MILLIS = 800;

export const routes = [
    {path: 'signing', render: signingPage, roles: SIGNERS},
];

/** A card for each role that signs or registers signing certificates; a signer's says how many await them. */
export function homeCards() {
    const parties = myParties();
    const count = h('p', {class: 'sign-count'});
    if (parties.length) {
        api.certificates('/certificates?status=ISSUED').then(
            list => replace(count, t('sign.home.count', {count: awaitingAny(list, parties).length})),
            () => replace(count));
    }
    return [h('section', {class: 'card', id: 'card-signing'},
        h('h2', {}, t('sign.title')),
        h('p', {}, t(parties.length ? 'sign.home.signer' : 'sign.home.admin')),
        count,
        h('a', {class: 'button primary', href: '#/signing'}, t(parties.length ? 'sign.home.open' : 'sign.home.openAdmin')))];
}

/**
 * The parties the caller signs for: the course leader for the IIN, a state signatory for their state. {as} is what
 * the API's "as" field takes, {key} what /signatories/{party} takes, {field} the PDF's signature field.
 */
function myParties() {
    const account = session.account();
    const parties = [];
    if (session.hasRole('COURSE_LEADER')) {
        parties.push({as: 'IIN', key: 'iin', field: 'iin', name: t('sign.party.IIN'), label: t('sign.partyLabel.IIN')});
    }
    if (session.hasRole('STATE_SIGNATORY') && account?.state) {
        parties.push({as: 'STATE', key: account.state, field: 'state', state: account.state,
            name: t('sign.party.STATE', {state: account.state}), label: t('sign.partyLabel.STATE', {state: account.state})});
    }
    return parties;
}

function awaiting(certificates, party) {
    return certificates.filter(c => c.status === 'ISSUED' && (c.awaitingSignatures || []).includes(party.as)
        && (!party.state || c.state?.code === party.state));
}

function awaitingAny(certificates, parties) {
    return certificates.filter(c => parties.some(p => awaiting([c], p).length));
}

async function signingPage(main, params, query) {
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

/** The caller's registered signing certificate, or null when none is registered yet. */
async function registration(key) {
    try {
        return await api.certificates('/signatories/' + encodeURIComponent(key));
    } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
            return null;
        }
        throw error;
    }
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

// ---- The registered signing certificate -------------------------------------------------------------------

function credentialSection(page, doneText) {
    const registered = page.registered;
    const form = registrationForm(page.party.key, saved => {
        // Drawn again with the new registration, the form folded away, and the focus on what happened.
        page.registered = saved;
        const fresh = credentialSection(page, t('sign.register.done', {subject: saved.subject}));
        section.replaceWith(fresh);
        fresh.querySelector('#sign-registered-notice').focus();
    });
    const section = h('section', {id: 'sign-credential', 'aria-labelledby': 'sign-credential-title'},
        h('h2', {id: 'sign-credential-title'}, t('sign.credential.title')),
        doneText ? h('p', {class: 'notice ok', role: 'status', id: 'sign-registered-notice', tabindex: '-1'}, doneText) : null,
        registered ? certificateFacts(registered)
            : h('p', {class: 'notice warn', id: 'sign-no-credential'}, t('sign.credential.none', {party: page.party.name})),
        registered
            ? h('details', {class: 'sign-register'}, h('summary', {}, t('sign.credential.replace')), form)
            : h('div', {class: 'card'}, form));
    return section;
}

function certificateFacts(s) {
    const expired = s.notAfter && new Date(s.notAfter) < new Date();
    const soon = !expired && s.notAfter && new Date(s.notAfter) - new Date() < 30 * 24 * 3600 * 1000;
    return h('div', {class: 'card sign-facts', id: 'sign-registered'},
        h('dl', {},
            fact(t('sign.credential.subject'), s.subject),
            fact(t('sign.credential.valid'), t('sign.credential.validRange',
                {from: formatDate(s.notBefore), until: formatDate(s.notAfter)})),
            fact(t('sign.credential.serial'), h('span', {class: 'sign-mono'}, s.serialNumber)),
            fact(t('sign.credential.fingerprint'), h('span', {class: 'sign-mono'}, s.fingerprint)),
            fact(t('sign.credential.source'), t('sign.source.' + s.source)),
            fact(t('sign.credential.registered'), t('sign.credential.registeredBy',
                {at: formatDateTime(s.registeredAt), by: s.registeredBy}))),
        expired ? h('p', {class: 'notice error', role: 'alert'}, t('sign.credential.expired'))
            : soon ? h('p', {class: 'notice warn'}, t('sign.credential.expiresSoon')) : null);
}

function fact(label, value) {
    return h('div', {class: 'sign-fact'}, h('dt', {}, label), h('dd', {}, value));
}

/**
 * Registers a party's signing certificate: from the PKCS#12 file (only its certificate is kept, never the key)
 * or from the public certificate, for someone who signs elsewhere. {party} null lets an administrator type it.
 */
function registrationForm(party, whenDone) {
    const form = h('form', {class: 'sign-register-form', novalidate: true},
        party ? null : field({name: 'party', label: t('sign.register.party'), required: true, maxlength: 3,
            autocomplete: 'off', hint: t('sign.register.partyHint')}),
        h('fieldset', {},
            h('legend', {}, t('sign.register.fromPkcs12')),
            field({name: 'pkcs12', label: t('sign.pkcs12'), type: 'file', accept: '.p12,.pfx,application/x-pkcs12',
                hint: t('sign.pkcs12Hint')}),
            field({name: 'passphrase', label: t('sign.passphrase'), type: 'password', autocomplete: 'off'})),
        h('p', {class: 'sign-or'}, t('sign.register.or')),
        h('fieldset', {},
            h('legend', {}, t('sign.register.fromCertificate')),
            field({name: 'certificate', label: t('sign.register.certificate'), type: 'file',
                accept: '.pem,.crt,.cer,.der', hint: t('sign.register.certificateHint')})),
        formMessage(),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, t('sign.register.submit'))));
    onSubmit(form, async () => {
        const pkcs12 = form.elements.pkcs12.files[0];
        const certificate = form.elements.certificate.files[0];
        const key = party || form.elements.party.value.trim();
        try {
            requireFilled(form, party ? [] : ['party']);
            if (Boolean(pkcs12) === Boolean(certificate)) {
                throw new Message(t('sign.register.oneOf'));
            }
            if (pkcs12) {
                requireFilled(form, ['passphrase']);
            }
            const body = pkcs12
                ? {pkcs12: await base64Of(pkcs12), passphrase: form.elements.passphrase.value}
                : {certificate: await certificateText(certificate)};
            await whenDone(await api.certificates('/signatories/' + encodeURIComponent(key), {method: 'PUT', json: body}));
        } catch (error) {
            throw localized(error);
        } finally {
            form.elements.passphrase.value = '';
        }
    });
    return form;
}

// ---- The certificates awaiting the caller ------------------------------------------------------------------

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

// ---- Signing on the server: one, or all in a batch ---------------------------------------------------------

/** One dialog for both: the PKCS#12 file and its passphrase, asked each time; the file stays chosen. */
function signDialog(page) {
    const title = h('h2', {id: 'sign-dialog-title'});
    const what = h('p', {class: 'sign-what'});
    const submit = h('button', {type: 'submit', class: 'primary'});
    const form = h('form', {id: 'sign-form', novalidate: true},
        title, what,
        field({name: 'pkcs12', label: t('sign.pkcs12'), type: 'file', accept: '.p12,.pfx,application/x-pkcs12',
            required: true, hint: t('sign.pkcs12Hint')}),
        field({name: 'passphrase', label: t('sign.passphrase'), type: 'password', required: true, autocomplete: 'off',
            hint: t('sign.passphraseHint')}),
        formMessage(),
        h('div', {class: 'actions'}, submit,
            h('button', {type: 'button', onclick: () => dialog.close()}, t('common.cancel'))));
    const dialog = h('dialog', {id: 'sign-dialog', class: 'sign-dialog', 'aria-labelledby': 'sign-dialog-title'}, form);
    Object.assign(dialog, {title_: title, what, submit, form});
    dialog.addEventListener('close', () => {
        form.elements.passphrase.value = '';
    });
    onSubmit(form, async () => {
        const target = dialog.target;
        try {
            requireFilled(form, ['pkcs12', 'passphrase']);
            const body = {pkcs12: await base64Of(form.elements.pkcs12.files[0]),
                passphrase: form.elements.passphrase.value, as: page.party.as};
            form.elements.passphrase.value = '';
            if (target.all) {
                const batch = await api.certificates('/certificates/signatures', {method: 'POST',
                    json: {...body, edition: page.edition || null}});
                dialog.close();
                follow(page, batch);
            } else {
                const signed = await api.certificates('/certificates/' + target.certificate.id + '/signatures',
                    {method: 'POST', json: body});
                dialog.close();
                await reloadList(page, 'ok', signedText(signed));
            }
        } catch (error) {
            if (target.all && error instanceof ApiError && error.problem.code === 'batch-running') {
                // Someone (maybe this person, in another tab) is already signing for this party: show that batch.
                const running = /signing-batches\/(\d+)/.exec(error.problem.detail || '');
                if (running) {
                    dialog.close();
                    follow(page, {id: Number(running[1]), status: 'RUNNING', total: 0, done: 0, failed: 0});
                    return;
                }
            }
            throw localized(error);
        } finally {
            form.elements.passphrase.value = '';
        }
    });
    return dialog;
}

function openSignDialog(page, target) {
    const dialog = page.signDialog;
    dialog.target = target;
    replace(dialog.title_, target.all ? t('sign.dialog.allTitle', {count: target.count}) : t('sign.dialog.oneTitle'));
    replace(dialog.what, target.all
        ? t(page.edition ? 'sign.dialog.allWhatEdition' : 'sign.dialog.allWhat',
            {count: target.count, party: page.party.name, edition: page.edition})
        : t('sign.dialog.oneWhat', {number: target.certificate.number, holder: target.certificate.holder?.name,
            party: page.party.name}));
    replace(dialog.submit, target.all ? t('sign.dialog.signAll', {count: target.count}) : t('sign.dialog.signOne'));
    clearErrors(dialog.form);
    dialog.showModal();
    (dialog.form.elements.pkcs12.files.length ? dialog.form.elements.passphrase : dialog.form.elements.pkcs12).focus();
}

function signedText(c) {
    return c.status === 'SIGNED'
        ? t('sign.done.signed', {number: c.number, holder: c.holder?.name})
        : t('sign.done.waiting', {number: c.number, holder: c.holder?.name});
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

// ---- Preview and download ----------------------------------------------------------------------------------

function previewDialog() {
    const title = h('h2', {id: 'sign-preview-title'});
    const frame = h('div', {class: 'sign-preview-frame'});
    const dialog = h('dialog', {id: 'sign-preview', class: 'sign-dialog sign-preview', 'aria-labelledby': 'sign-preview-title'},
        h('div', {class: 'sign-preview-head'}, title,
            h('button', {type: 'button', class: 'sign-close', onclick: () => dialog.close()}, t('common.close'))),
        frame);
    Object.assign(dialog, {title_: title, frame});
    dialog.addEventListener('close', () => {
        if (dialog.url) {
            URL.revokeObjectURL(dialog.url);
            dialog.url = null;
        }
        replace(frame);
        dialog.opener?.focus();
    });
    return dialog;
}

/** The current PDF, shown from an object URL in a frame (the page's policy allows blob: frames only). */
async function preview(page, c, button) {
    const dialog = page.previewDialog;
    button.disabled = true;
    try {
        const pdf = await api.certificates('/certificates/' + c.id + '/pdf', {as: 'blob', accept: 'application/pdf, application/problem+json'});
        dialog.url = URL.createObjectURL(pdf);
        dialog.opener = button;
        replace(dialog.title_, t('sign.previewOf', {number: c.number, holder: c.holder?.name}));
        replace(dialog.frame,
            h('iframe', {src: dialog.url, title: t('sign.previewOf', {number: c.number, holder: c.holder?.name})}),
            h('p', {}, h('a', {href: dialog.url, target: '_blank', rel: 'noopener'}, t('sign.previewOpen'))));
        dialog.showModal();
    } catch (error) {
        notice(page.notice, 'error', describe(error));
    } finally {
        button.disabled = false;
    }
}

async function download(page, c, button) {
    button.disabled = true;
    try {
        const pdf = await api.certificates('/certificates/' + c.id + '/pdf', {as: 'blob', accept: 'application/pdf, application/problem+json'});
        saveFile(pdf, fileName(c));
        notice(page.notice, 'info', t('sign.downloaded', {file: fileName(c), field: page.party.field}));
    } catch (error) {
        notice(page.notice, 'error', describe(error));
    } finally {
        button.disabled = false;
    }
}

function fileName(c) {
    return 'certificado-' + c.number.replace(/[^A-Za-z0-9-]+/g, '-') + '.pdf';
}

// ---- A PDF signed elsewhere --------------------------------------------------------------------------------

function uploadDialog(page) {
    const title = h('h2', {id: 'sign-upload-title'});
    const form = h('form', {id: 'sign-upload-form', novalidate: true},
        title,
        h('p', {}, t('sign.upload.what', {field: page.party.field})),
        field({name: 'pdf', label: t('sign.upload.file'), type: 'file', accept: 'application/pdf,.pdf', required: true}),
        formMessage(),
        h('div', {class: 'actions'},
            h('button', {type: 'submit', class: 'primary'}, t('sign.upload.submit')),
            h('button', {type: 'button', onclick: () => dialog.close()}, t('common.cancel'))));
    const dialog = h('dialog', {id: 'sign-upload', class: 'sign-dialog', 'aria-labelledby': 'sign-upload-title'}, form);
    Object.assign(dialog, {title_: title, form});
    onSubmit(form, async () => {
        const c = dialog.certificate;
        try {
            requireFilled(form, ['pdf']);
            const signed = await api.certificates('/certificates/' + c.id + '/pdf?as=' + page.party.as,
                {method: 'PUT', body: form.elements.pdf.files[0], type: 'application/pdf'});
            dialog.close();
            await reloadList(page, 'ok', signedText(signed));
        } catch (error) {
            throw refusal(error);
        }
    });
    return dialog;
}

function openUploadDialog(page, c) {
    const dialog = page.uploadDialog;
    dialog.certificate = c;
    replace(dialog.title_, t('sign.upload.title', {number: c.number, holder: c.holder?.name}));
    clearErrors(dialog.form);
    dialog.form.elements.pdf.value = '';
    dialog.showModal();
    dialog.form.elements.pdf.focus();
}

/** The signature check's verdict, in the reader's words, with the server's explanation after it. */
function refusal(error) {
    const verdict = error instanceof ApiError ? error.problem.verdict : null;
    if (verdict) {
        return new Message(t('sign.verdict.refused', {reason: t('sign.verdict.' + verdict.outcome)}));
    }
    return localized(error);
}

// ---- Revocation (the course leader) ------------------------------------------------------------------------

function revokeDialog(page) {
    if (page.party.as !== 'IIN') {
        return null;
    }
    const title = h('h2', {id: 'sign-revoke-title'});
    const form = h('form', {id: 'sign-revoke-form', novalidate: true},
        title,
        h('p', {}, t('sign.revoke.what')),
        field({name: 'reason', label: t('sign.revoke.reason'), type: 'textarea', required: true, maxlength: 500,
            hint: t('sign.revoke.reasonHint')}),
        formMessage(),
        h('div', {class: 'actions'},
            h('button', {type: 'submit', class: 'danger'}, t('sign.revoke.submit')),
            h('button', {type: 'button', onclick: () => dialog.close()}, t('common.cancel'))));
    const dialog = h('dialog', {id: 'sign-revoke', class: 'sign-dialog', 'aria-labelledby': 'sign-revoke-title'}, form);
    Object.assign(dialog, {title_: title, form});
    onSubmit(form, async () => {
        const c = dialog.certificate;
        try {
            requireFilled(form, ['reason']);
            await api.certificates('/certificates/' + c.id + '/revoke', {method: 'POST',
                json: {reason: form.elements.reason.value}});
            dialog.close();
            await reloadList(page, 'ok', t('sign.revoke.done', {number: c.number, holder: c.holder?.name}));
        } catch (error) {
            throw localized(error);
        }
    });
    return dialog;
}

function openRevokeDialog(page, c) {
    const dialog = page.revokeDialog;
    dialog.certificate = c;
    replace(dialog.title_, t('sign.revoke.title', {number: c.number, holder: c.holder?.name}));
    clearErrors(dialog.form);
    dialog.form.elements.reason.value = '';
    dialog.showModal();
    dialog.form.elements.reason.focus();
}

// ---- The administrator: every party's registration ---------------------------------------------------------

async function adminPage(main, doneText) {
    const registrations = await api.certificates('/signatories');
    replace(main,
        h('h1', {}, t('sign.title')),
        h('p', {class: 'sign-intro'}, t('sign.admin.intro')),
        doneText ? h('p', {class: 'notice ok', role: 'status', id: 'sign-registered-notice', tabindex: '-1'}, doneText) : null,
        h('h2', {}, t('sign.admin.registered')),
        table([
            {label: t('sign.admin.party'), cell: s => s.party === 'IIN' ? t('sign.partyLabel.IIN') : t('sign.partyLabel.STATE', {state: s.party})},
            {label: t('sign.credential.subject'), cell: s => s.subject},
            {label: t('sign.credential.valid'), cell: s => t('sign.credential.validRange',
                {from: formatDate(s.notBefore), until: formatDate(s.notAfter)})},
            {label: t('sign.credential.fingerprint'), cell: s => h('span', {class: 'sign-mono'}, s.fingerprint)},
            {label: t('sign.credential.registered'), cell: s => t('sign.credential.registeredBy',
                {at: formatDateTime(s.registeredAt), by: s.registeredBy})},
        ], registrations, {rowAttrs: s => ({dataset: {party: s.party}})}),
        h('h2', {}, t('sign.admin.register')),
        h('div', {class: 'card'}, registrationForm(null, async saved => {
            await adminPage(main, t('sign.register.done', {subject: saved.subject}));
            main.querySelector('#sign-registered-notice').focus();
        })));
}

// ---- Small helpers -----------------------------------------------------------------------------------------

/** A required field left empty gets its message next to it, in the page's language, before anything is sent. */
function requireFilled(form, names) {
    const errors = names.filter(name => {
        const input = form.elements[name];
        return input.type === 'file' ? !input.files.length : !input.value.trim();
    }).map(name => ({field: name, message: t('sign.required')}));
    if (errors.length) {
        throw new ApiError(400, {errors});
    }
}

/** A file as base64, the way the API takes a PKCS#12. */
function base64Of(file) {
    return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
        reader.onerror = () => reject(new Message(t('sign.unreadableFile')));
        reader.readAsDataURL(file);
    });
}

/** A public certificate as the API takes it: PEM as it is, DER (binary) in base64. */
async function certificateText(file) {
    const text = await file.text().catch(() => '');
    return text.includes('-----BEGIN') ? text : base64Of(file);
}

/** The server's problems this page knows, in the reader's language; the server's own words otherwise. */
const PROBLEMS = {
    'invalid-credential': 'sign.problem.invalidCredential',
    'not-the-registered-certificate': 'sign.problem.notTheRegistered',
    'no-registered-certificate': 'sign.problem.noRegistered',
    'registered-certificate-expired': 'sign.problem.registeredExpired',
    'certificate-expired': 'sign.problem.certificateExpired',
    'certificate-not-yet-valid': 'sign.problem.certificateNotYetValid',
    'unreadable-certificate': 'sign.problem.unreadableCertificate',
    'pkcs12-too-large': 'sign.problem.pkcs12TooLarge',
    'pkcs12-not-base64': 'sign.problem.invalidCredential',
    'already-signed': 'sign.problem.alreadySigned',
    'certificate-revoked': 'sign.problem.revoked',
    'already-revoked': 'sign.problem.revoked',
    'batch-running': 'sign.problem.batchRunning',
    'reason-required': 'sign.required',
    'reason-too-long': 'sign.problem.reasonTooLong',
    'pdf-too-large': 'sign.problem.pdfTooLarge',
    'unknown-party': 'sign.problem.unknownParty',
    'unknown-state': 'sign.problem.unknownParty',
};

function localized(error) {
    const key = error instanceof ApiError ? PROBLEMS[error.problem.code] : null;
    if (key) {
        const text = t(key);
        error.problem.detail = text;
        error.problem.errors = (error.problem.errors || []).map(e => ({...e, message: text}));
    }
    return error;
}
