// What the signatories' pages share: whom the caller signs for and what awaits them, the checks made before a
// request, reading files for the API, and the server's refusals in the reader's language.

import {t} from '../../i18n.js';
import {ApiError} from '../../api.js';
import * as session from '../../session.js';
import {Message} from '../../forms.js';

/**
 * The parties the caller signs for: the course leader for the IIN, a state signatory for their state. {as} is what
 * the API's "as" field takes, {key} what /signatories/{party} takes, {field} the PDF's signature field.
 */
export function myParties() {
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

export function awaiting(certificates, party) {
    return certificates.filter(c => c.status === 'ISSUED' && (c.awaitingSignatures || []).includes(party.as)
        && (!party.state || c.state?.code === party.state));
}

export function awaitingAny(certificates, parties) {
    return certificates.filter(c => parties.some(p => awaiting([c], p).length));
}

/** A required field left empty gets its message next to it, in the page's language, before anything is sent. */
export function requireFilled(form, names) {
    const errors = names.filter(name => {
        const input = form.elements[name];
        return input.type === 'file' ? !input.files.length : !input.value.trim();
    }).map(name => ({field: name, message: t('sign.required')}));
    if (errors.length) {
        throw new ApiError(400, {errors});
    }
}

/** A file as base64, the way the API takes a PKCS#12. */
export function base64Of(file) {
    return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
        reader.onerror = () => reject(new Message(t('sign.unreadableFile')));
        reader.readAsDataURL(file);
    });
}

/** A public certificate as the API takes it: PEM as it is, DER (binary) in base64. */
export async function certificateText(file) {
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

export function localized(error) {
    const key = error instanceof ApiError ? PROBLEMS[error.problem.code] : null;
    if (key) {
        const text = t(key);
        error.problem.detail = text;
        error.problem.errors = (error.problem.errors || []).map(e => ({...e, message: text}));
    }
    return error;
}
