// A party's signing certificate: the one registered, and the form that registers it (from the PKCS#12 file,
// keeping only its certificate, or from the public certificate).

import {h} from '../../dom.js';
import {t, formatDate, formatDateTime} from '../../i18n.js';
import * as api from '../../api.js';
import {ApiError} from '../../api.js';
import {field, formMessage, onSubmit, Message} from '../../forms.js';
import {requireFilled, base64Of, certificateText, localized} from './common.js';

/** The caller's registered signing certificate, or null when none is registered yet. */
export async function registration(key) {
    try {
        return await api.certificates('/signatories/' + encodeURIComponent(key));
    } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
            return null;
        }
        throw error;
    }
}

export function credentialSection(page, doneText) {
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
export function registrationForm(party, whenDone) {
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
