// The audit log: who changed what and when, from both services, newest first.

import {h, replace} from '../../dom.js';
import {t, formatDate, formatDateTime, stateName} from '../../i18n.js';
import * as api from '../../api.js';
import {field, table, describe} from '../../forms.js';
import {navigate} from '../../router.js';
import {OAS_STATES, known, sortedStates, languageName} from './common.js';

const AUDIT_ENTITY_TYPES = ['Edition', 'Agreement', 'Participant', 'Certificate', 'Signatory', 'SigningBatch',
    'Account', 'OutboxItem'];

export async function auditPage(main, params, query) {
    const filters = {
        edition: query.get('edition') || '', state: query.get('state') || '',
        entityType: query.get('entityType') || '', entityId: query.get('entityId') || '',
        limit: Math.max(1, Math.min(1000, Number(query.get('limit')) || 200)),
    };
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) {
        if (value) {
            search.set(name, value);
        }
    }
    // The certificates keep their own log (issued, signed, revoked); both are read and shown as one.
    const [editions, course, certificates] = await Promise.all([
        api.course('/editions').catch(() => []),
        api.course('/audit?' + search),
        api.certificates('/audit?' + search).then(entries => ({entries}), error => ({error})),
    ]);
    const entries = [
        ...course.map(e => ({...e, source: 'course'})),
        ...(certificates.entries || []).map(e => ({...e, source: 'certificates'})),
    ].sort((a, b) => instantKey(b.occurredAt).localeCompare(instantKey(a.occurredAt))
        || (a.source === b.source ? b.id - a.id : 0)).slice(0, filters.limit);

    const form = h('form', {id: 'audit-filters', class: 'card leader-filters', role: 'search'},
        field({name: 'edition', label: t('common.edition'), value: filters.edition,
            options: [['', t('leader.audit.allEditions')], ...editions.map(e => [e.code, e.code])]}),
        field({name: 'state', label: t('common.state'), value: filters.state,
            options: [['', t('leader.participants.allStates')], ...sortedStates(OAS_STATES).map(s => [s, stateName(s)])]}),
        field({name: 'entityType', label: t('leader.audit.entityType'), value: filters.entityType,
            options: [['', t('leader.audit.allTypes')], ...AUDIT_ENTITY_TYPES.map(type => [type, entityName(type)])]}),
        field({name: 'entityId', label: t('leader.audit.entityId'), value: filters.entityId, maxlength: 100}),
        field({name: 'limit', label: t('leader.audit.limit'), type: 'number', value: filters.limit, min: 1, max: 1000}),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, t('leader.participants.show'))));
    form.addEventListener('submit', event => {
        event.preventDefault();
        const chosen = new URLSearchParams();
        for (const [name, value] of new FormData(form)) {
            if (value && !(name === 'limit' && value === '200')) {
                chosen.set(name, value);
            }
        }
        navigate('audit' + (chosen.toString() ? '?' + chosen : ''));
    });

    replace(main,
        h('h1', {}, t('nav.audit')),
        h('p', {class: 'hint'}, t('leader.audit.intro')),
        form,
        certificates.error ? h('p', {class: 'notice warn', role: 'status'},
            t('leader.audit.certificatesMissing', {detail: describe(certificates.error)})) : null,
        table([
            {label: t('leader.audit.when'), cell: e => h('time', {datetime: e.occurredAt}, formatDateTime(e.occurredAt))},
            {label: t('leader.audit.who'), cell: e => e.actor},
            {label: t('leader.audit.what'), cell: e => h('span', {class: 'leader-action'}, actionName(e.action))},
            {label: t('leader.audit.which'), cell: e => entityName(e.entityType) + ' ' + (e.entityId || '')},
            {label: t('common.edition'), cell: e => e.edition || '—'},
            {label: t('common.state'), cell: e => e.state || '—'},
            {label: t('leader.audit.change'), cell: e => change(e)},
        ], entries, {caption: t('leader.audit.caption', {count: entries.length}),
            rowAttrs: e => ({dataset: {action: e.action, source: e.source}})}));
}

/** The order in which a record's values read best; the rest follow as recorded. */
const AUDIT_FIELD_ORDER = ['name', 'status', 'reason', 'quota', 'title', 'rank', 'onlineStage', 'faceToFace'];

/**
 * Before and after as a person reads them: for a change, one line per value that changed ("Cuota: 2 → 4");
 * for a creation, what was recorded, on one line. What other columns already say (id, state, code) is left out.
 */
function change(entry) {
    const before = parse(entry.before);
    const after = parse(entry.after);
    if (typeof before === 'string' || typeof after === 'string') {
        return h('span', {}, [before, after].filter(Boolean).join(' → '));
    }
    const said = key => key === 'id' || (key === 'state' && entry.state) || (key === 'code' && entry.edition);
    const rank = key => AUDIT_FIELD_ORDER.includes(key) ? AUDIT_FIELD_ORDER.indexOf(key) : AUDIT_FIELD_ORDER.length;
    const keys = [...new Set([...Object.keys(before || {}), ...Object.keys(after || {})])]
        .filter(key => !said(key))
        .sort((a, b) => rank(a) - rank(b));
    if (before && after) {
        const lines = keys.filter(key => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
            .map(key => h('li', {}, h('span', {class: 'leader-field'}, fieldName(key)), ': ',
                value(entry, key, before[key]), ' → ', value(entry, key, after[key])));
        return lines.length ? h('ul', {class: 'leader-change'}, lines) : t('leader.audit.noChange');
    }
    const recorded = after || before;
    if (!recorded) {
        return '—';
    }
    const pieces = keys.filter(key => recorded[key] !== null && recorded[key] !== undefined && recorded[key] !== '')
        .map(key => h('span', {class: 'leader-recorded'}, h('span', {class: 'leader-field'}, fieldName(key)), ': ',
            value(entry, key, recorded[key])));
    return pieces.length ? h('p', {class: 'leader-change'}, pieces) : '—';
}

/** An instant that sorts as text: the server writes as many fraction digits as it has ("…26.35Z", "…26.357394Z"). */
function instantKey(iso) {
    const parts = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(iso || '');
    return parts ? parts[1] + '.' + (parts[2] || '').padEnd(9, '0') : iso || '';
}

function parse(json) {
    if (json === null || json === undefined || json === '') {
        return null;
    }
    try {
        const value = JSON.parse(json);
        return value !== null && typeof value === 'object' ? value : String(value);
    } catch (notJson) {
        return String(json);
    }
}

/** A recorded value in words: statuses in the reader's language, the rest as recorded. */
function value(entry, key, v) {
    if (v === null || v === undefined || v === '') {
        return '—';
    }
    if (typeof v === 'object') {
        return JSON.stringify(v);
    }
    const statuses = {Edition: 'edition', Participant: 'participant', Certificate: 'leader.certificate'};
    const prefixes = {status: statuses[entry.entityType], onlineStage: 'online', faceToFace: 'faceToFace',
        modality: 'leader.modality'};
    if (key === 'language') {
        return languageName(String(v));
    }
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
        return formatDate(v);
    }
    const prefix = prefixes[key];
    if (prefix && known(prefix + '.' + v)) {
        return t(prefix + '.' + v);
    }
    return String(v);
}

function fieldName(key) {
    return known('leader.field.' + key) ? t('leader.field.' + key) : key;
}

function actionName(action) {
    return known('leader.action.' + action) ? t('leader.action.' + action) : action;
}

function entityName(type) {
    return known('leader.entity.' + type) ? t('leader.entity.' + type) : type || '';
}
