// The administrator's signing page: every party's registered signing certificate, and registering one.

import {h, replace} from '../../dom.js';
import {t, formatDate, formatDateTime} from '../../i18n.js';
import * as api from '../../api.js';
import {table} from '../../forms.js';
import {registrationForm} from './registration.js';

export async function adminPage(main, doneText) {
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
