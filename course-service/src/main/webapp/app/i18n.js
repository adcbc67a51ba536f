// The pages' languages. Spanish and English now; Portuguese or French is one more entry in LANGUAGES and one
// more block in each messages object. Each view module adds its own messages with addMessages(); the ones
// every page uses are here.

export const LANGUAGES = {es: 'Español', en: 'English'};
const STORE_KEY = 'csec.language';
const messages = {es: {}, en: {}};

export function addMessages(byLanguage) {
    for (const [language, entries] of Object.entries(byLanguage)) {
        messages[language] = Object.assign(messages[language] || {}, entries);
    }
}

/** The chosen language: remembered in this browser, else the browser's own, else Spanish. */
export function language() {
    const chosen = localStorage.getItem(STORE_KEY);
    if (chosen && LANGUAGES[chosen]) {
        return chosen;
    }
    const preferred = (navigator.language || 'es').substring(0, 2);
    return LANGUAGES[preferred] ? preferred : 'es';
}

export function chooseLanguage(chosen) {
    if (LANGUAGES[chosen]) {
        localStorage.setItem(STORE_KEY, chosen);
        document.documentElement.lang = chosen;
    }
}

/** t('key', {name: 'x'}) — the message in the chosen language, {name} filled in; the key itself if missing. */
export function t(key, params) {
    const text = messages[language()][key] ?? messages.en[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (all, name) => (name in params ? String(params[name]) : all)) : text;
}

export function formatDate(iso) {
    if (!iso) {
        return '—';
    }
    const date = new Date(iso.length === 10 ? iso + 'T00:00:00' : iso);
    return new Intl.DateTimeFormat(language(), {dateStyle: 'medium'}).format(date);
}

export function formatDateTime(iso) {
    return iso ? new Intl.DateTimeFormat(language(), {dateStyle: 'medium', timeStyle: 'short'}).format(new Date(iso)) : '—';
}

export function formatNumber(value, fractionDigits = 0) {
    return value === null || value === undefined ? '—'
        : new Intl.NumberFormat(language(), {maximumFractionDigits: fractionDigits}).format(value);
}

/** A member state by its ISO code, in the page's language: "Argentina (AR)". */
export function stateName(code) {
    if (!code) {
        return '—';
    }
    try {
        const name = new Intl.DisplayNames([language()], {type: 'region'}).of(code);
        return name && name !== code ? `${name} (${code})` : code;
    } catch (unknown) {
        return code;
    }
}

addMessages({
    es: {
        'app.title': 'Curso semipresencial ESCNNA',
        'app.institution': 'Instituto Interamericano del Niño, la Niña y Adolescentes',
        'nav.home': 'Inicio',
        'nav.editions': 'Ediciones',
        'nav.signing': 'Firmas',
        'nav.audit': 'Registro de auditoría',
        'nav.verify': 'Verificar un certificado',
        'session.signOut': 'Cerrar sesión',
        'session.language': 'Idioma',
        'session.signedInAs': 'Sesión de {name}',
        'session.ended': 'Su sesión terminó. Vuelva a iniciar sesión.',
        'login.title': 'Iniciar sesión',
        'login.username': 'Usuario',
        'login.password': 'Contraseña',
        'login.submit': 'Entrar',
        'login.refused': 'El usuario o la contraseña no son correctos.',
        'login.throttled': 'Demasiadas contraseñas incorrectas para este usuario. Inténtelo de nuevo en {minutes} minuto(s).',
        'home.title': 'Le damos la bienvenida',
        'home.noRole': 'Su cuenta no tiene todavía un rol en el curso. Pida al administrador que se lo asigne.',
        'home.yourPages': 'Sus páginas',
        'role.ADMIN': 'Administración',
        'role.COURSE_LEADER': 'Coordinación del curso (IIN)',
        'role.STATE_COORDINATOR': 'Coordinación estatal',
        'role.STATE_SIGNATORY': 'Firma estatal',
        'common.save': 'Guardar',
        'common.cancel': 'Cancelar',
        'common.close': 'Cerrar',
        'common.yes': 'Sí',
        'common.no': 'No',
        'common.loading': 'Cargando…',
        'common.none': 'Nada por ahora.',
        'common.error': 'No se pudo completar: {detail}',
        'common.fixFields': 'Revise los campos marcados.',
        'common.saved': 'Guardado.',
        'common.unavailable': 'El servicio no responde ahora. Inténtelo de nuevo en unos momentos.',
        'common.forbidden': 'Su cuenta no tiene permiso para esto.',
        'common.notFound': 'No se encontró.',
        'common.state': 'Estado',
        'common.edition': 'Edición',
        'common.actions': 'Acciones',
        'common.download': 'Descargar',
        'check.required': 'Complete este campo.',
        'check.file': 'Elija un archivo.',
        'check.email': 'Escriba una dirección de correo válida, por ejemplo nombre@institucion.gob.',
        'check.whole': 'Escriba un número entero de {min} a {max}.',
        'check.number': 'Escriba un número de {min} a {max}, con hasta 2 decimales.',
        'edition.DRAFT': 'Borrador',
        'edition.NOMINATIONS_OPEN': 'Postulaciones abiertas',
        'edition.ONLINE_STAGE': 'Etapa en línea',
        'edition.FACE_TO_FACE_STAGE': 'Etapa presencial',
        'edition.CLOSED': 'Cerrada',
        'participant.NOMINATED': 'Postulado',
        'participant.WAITLISTED': 'En lista de espera',
        'participant.ACCEPTED': 'Aceptado',
        'participant.REJECTED': 'Rechazado',
        'participant.ENROLLED': 'Matriculado',
        'participant.CERTIFIED': 'Certificado',
        'participant.WITHDRAWN': 'Retirado',
        'online.NOT_STARTED': 'No iniciada',
        'online.IN_PROGRESS': 'En curso',
        'online.COMPLETED': 'Completada',
        'online.NOT_COMPLETED': 'No completada',
        'faceToFace.PENDING': 'Pendiente',
        'faceToFace.PASSED': 'Aprobada',
        'faceToFace.FAILED': 'No aprobada',
        'faceToFace.ABSENT': 'Ausente',
    },
    en: {
        'app.title': 'CSEC semi-distance course',
        'app.institution': 'Inter-American Children\'s Institute',
        'nav.home': 'Home',
        'nav.editions': 'Editions',
        'nav.signing': 'Signatures',
        'nav.audit': 'Audit log',
        'nav.verify': 'Verify a certificate',
        'session.signOut': 'Sign out',
        'session.language': 'Language',
        'session.signedInAs': 'Signed in as {name}',
        'session.ended': 'Your session has ended. Please sign in again.',
        'login.title': 'Sign in',
        'login.username': 'User name',
        'login.password': 'Password',
        'login.submit': 'Sign in',
        'login.refused': 'The user name or password is not correct.',
        'login.throttled': 'Too many wrong passwords for this user name. Try again in {minutes} minute(s).',
        'home.title': 'Welcome',
        'home.noRole': 'Your account has no role in the course yet. Ask the administrator to give you one.',
        'home.yourPages': 'Your pages',
        'role.ADMIN': 'Administrator',
        'role.COURSE_LEADER': 'Course leader (IIN)',
        'role.STATE_COORDINATOR': 'State coordinator',
        'role.STATE_SIGNATORY': 'State signatory',
        'common.save': 'Save',
        'common.cancel': 'Cancel',
        'common.close': 'Close',
        'common.yes': 'Yes',
        'common.no': 'No',
        'common.loading': 'Loading…',
        'common.none': 'Nothing yet.',
        'common.error': 'This could not be done: {detail}',
        'common.fixFields': 'Please correct the marked fields.',
        'common.saved': 'Saved.',
        'common.unavailable': 'The service does not answer right now. Please try again in a moment.',
        'common.forbidden': 'Your account may not do this.',
        'common.notFound': 'Not found.',
        'common.state': 'State',
        'common.edition': 'Edition',
        'common.actions': 'Actions',
        'common.download': 'Download',
        'check.required': 'Please fill in this field.',
        'check.file': 'Please choose a file.',
        'check.email': 'Please type a valid e-mail address, e.g. name@institution.gov.',
        'check.whole': 'Please type a whole number from {min} to {max}.',
        'check.number': 'Please type a number from {min} to {max}, with at most 2 decimals.',
        'edition.DRAFT': 'Draft',
        'edition.NOMINATIONS_OPEN': 'Nominations open',
        'edition.ONLINE_STAGE': 'Online stage',
        'edition.FACE_TO_FACE_STAGE': 'Face-to-face stage',
        'edition.CLOSED': 'Closed',
        'participant.NOMINATED': 'Nominated',
        'participant.WAITLISTED': 'Waitlisted',
        'participant.ACCEPTED': 'Accepted',
        'participant.REJECTED': 'Rejected',
        'participant.ENROLLED': 'Enrolled',
        'participant.CERTIFIED': 'Certified',
        'participant.WITHDRAWN': 'Withdrawn',
        'online.NOT_STARTED': 'Not started',
        'online.IN_PROGRESS': 'In progress',
        'online.COMPLETED': 'Completed',
        'online.NOT_COMPLETED': 'Not completed',
        'faceToFace.PENDING': 'Pending',
        'faceToFace.PASSED': 'Passed',
        'faceToFace.FAILED': 'Failed',
        'faceToFace.ABSENT': 'Absent',
    },
});
