// The signatories' pages: the certificates awaiting the caller's signature, a preview of each, signing on the
// server (one, or all of them in a batch whose progress is shown) with the PKCS#12 file and passphrase given at
// that moment, or downloading the prepared PDF to sign elsewhere and uploading it (signing.js, dialogs.js); and the
// signing certificate registered for the caller's party (registration.js). The course leader signs as the IIN, a
// state signatory as their state; an administrator registers signing certificates for any party (admin.js). The
// passphrase lives only in its password field and in the one request that uses it; the field is cleared as soon
// as it is sent. It never reaches storage or the URL. This module lists the route and draws the home page's card.

import {h, replace} from '../../dom.js';
import {t} from '../../i18n.js';
import * as api from '../../api.js';
import {myParties, awaitingAny} from './common.js';
import {signingPage} from './signing.js';

const SIGNERS = ['COURSE_LEADER', 'STATE_SIGNATORY', 'ADMIN'];

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
