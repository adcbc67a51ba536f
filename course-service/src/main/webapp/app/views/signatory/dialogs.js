// What a row of the signing page opens: signing (one, or all in a batch), the preview, the download, the upload
// of a PDF signed elsewhere, and revoking (the course leader).

import {h, replace, saveFile} from '../../dom.js';
import {t} from '../../i18n.js';
import * as api from '../../api.js';
import {ApiError} from '../../api.js';
import {field, formMessage, onSubmit, notice, describe, clearErrors, Message} from '../../forms.js';
import {requireFilled, base64Of, localized} from './common.js';

/** One dialog for both: the PKCS#12 file and its passphrase, asked each time; the file stays chosen. */
export function signDialog(page) {
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
                page.follow(batch);
            } else {
                const signed = await api.certificates('/certificates/' + target.certificate.id + '/signatures',
                    {method: 'POST', json: body});
                dialog.close();
                await page.reloadList('ok', signedText(signed));
            }
        } catch (error) {
            if (target.all && error instanceof ApiError && error.problem.code === 'batch-running') {
                // Someone (maybe this person, in another tab) is already signing for this party: show that batch.
                const running = /signing-batches\/(\d+)/.exec(error.problem.detail || '');
                if (running) {
                    dialog.close();
                    page.follow({id: Number(running[1]), status: 'RUNNING', total: 0, done: 0, failed: 0});
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

export function openSignDialog(page, target) {
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

export function previewDialog() {
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
export async function preview(page, c, button) {
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

export async function download(page, c, button) {
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

export function uploadDialog(page) {
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
            await page.reloadList('ok', signedText(signed));
        } catch (error) {
            throw refusal(error);
        }
    });
    return dialog;
}

export function openUploadDialog(page, c) {
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

export function revokeDialog(page) {
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
            await page.reloadList('ok', t('sign.revoke.done', {number: c.number, holder: c.holder?.name}));
        } catch (error) {
            throw localized(error);
        }
    });
    return dialog;
}

export function openRevokeDialog(page, c) {
    const dialog = page.revokeDialog;
    dialog.certificate = c;
    replace(dialog.title_, t('sign.revoke.title', {number: c.number, holder: c.holder?.name}));
    clearErrors(dialog.form);
    dialog.form.elements.reason.value = '';
    dialog.showModal();
    dialog.form.elements.reason.focus();
}
