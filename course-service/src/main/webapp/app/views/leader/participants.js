// An edition's participants: filtered by state and status, accepted or rejected one by one or many at once.

import {h, replace} from '../../dom.js';
import {t, formatNumber, stateName} from '../../i18n.js';
import * as api from '../../api.js';
import {field, notice, table, badge, fullName} from '../../forms.js';
import {fill, whyFailed, ask, sortedStates} from './common.js';

const PARTICIPANT_STATUSES = ['NOMINATED', 'WAITLISTED', 'ACCEPTED', 'REJECTED', 'ENROLLED', 'CERTIFIED', 'WITHDRAWN'];

function selectionOpen(edition) {
    return edition.status === 'NOMINATIONS_OPEN' || edition.status === 'ONLINE_STAGE';
}

export function drawParticipantFilters(page) {
    const states = [...new Set(page.agreements.map(a => a.state))];
    const filters = h('form', {id: 'participant-filters', class: 'leader-filters', role: 'search'},
        field({name: 'state', label: t('common.state'),
            options: [['', t('leader.participants.allStates')], ...sortedStates(states).map(s => [s, stateName(s)])]}),
        field({name: 'status', label: t('leader.participants.status'),
            options: [['', t('leader.participants.allStatuses')], ...PARTICIPANT_STATUSES.map(s => [s, t('participant.' + s)])]}),
        h('div', {class: 'actions'}, h('button', {type: 'submit'}, t('leader.participants.show'))));
    // Filters apply as soon as they change; the button is there for keyboard users who expect one.
    filters.addEventListener('change', () => loadParticipants(page));
    filters.addEventListener('submit', e => { e.preventDefault(); loadParticipants(page); });
    page.filters = filters;
    page.outcome = h('div', {id: 'selection-outcome', class: 'leader-outcome'});
    replace(page.parts.participants.tools,
        selectionOpen(page.edition) ? null
            : h('p', {class: 'notice info'}, t('leader.participants.selectionClosed', {status: t('edition.' + page.edition.status)})),
        filters, page.outcome);
}

export async function loadParticipants(page) {
    await fill(page.parts.participants, async body => {
        const query = new URLSearchParams();
        for (const name of ['state', 'status']) {
            const value = page.filters?.elements[name].value;
            if (value) {
                query.set(name, value);
            }
        }
        const people = await api.course(page.path + '/participants' + (query.toString() ? '?' + query : ''));
        drawParticipants(page, body, people);
    });
}

function drawParticipants(page, body, people) {
    const open = selectionOpen(page.edition);
    const choosable = p => open && (p.status === 'NOMINATED' || p.status === 'WAITLISTED');
    const boxes = [];
    const count = h('span', {id: 'selected-count', 'aria-live': 'polite'});
    const acceptMany = h('button', {type: 'button', id: 'accept-selected', class: 'primary', disabled: true},
        t('leader.participants.acceptSelected'));
    const rejectMany = h('button', {type: 'button', id: 'reject-selected', class: 'danger', disabled: true},
        t('leader.participants.rejectSelected'));
    const all = h('input', {type: 'checkbox', id: 'select-all', 'aria-label': t('leader.participants.selectAll')});
    const chosen = () => boxes.filter(b => b.checked).map(b => people.find(p => String(p.id) === b.value));
    const update = () => {
        const n = chosen().length;
        replace(count, t('leader.participants.selected', {count: n}));
        acceptMany.disabled = rejectMany.disabled = n === 0;
        all.checked = n > 0 && n === boxes.length;
        all.indeterminate = n > 0 && n < boxes.length;
    };
    all.addEventListener('change', () => { boxes.forEach(b => { b.checked = all.checked; }); update(); });
    acceptMany.addEventListener('click', () => decideMany(page, chosen(), 'accept'));
    rejectMany.addEventListener('click', () => decideMany(page, chosen(), 'reject'));

    const columns = [
        ...(open ? [{label: all, cell: p => {
            if (!choosable(p)) {
                return null;
            }
            const box = h('input', {type: 'checkbox', value: p.id, class: 'choose', onchange: update,
                'aria-label': t('leader.participants.select', {name: fullName(p)})});
            boxes.push(box);
            return box;
        }}] : []),
        {label: t('leader.participants.name'), cell: p => h('span', {}, h('strong', {}, fullName(p)), h('br'), p.email)},
        {label: t('common.state'), cell: p => p.state},
        {label: t('leader.participants.rank'), cell: p => formatNumber(p.rank), class: 'number'},
        {label: t('leader.participants.status'), cell: p => h('span', {class: 'status'}, badge('participant', p.status))},
        {label: t('leader.participants.work'), cell: p => [p.position, p.institution].filter(Boolean).join(', ') || '—'},
        {label: t('leader.participants.online'), cell: p => badge('online', p.onlineStage)},
        {label: t('leader.participants.faceToFace'), cell: p => badge('faceToFace', p.faceToFace)},
        ...(open ? [{label: t('common.actions'), cell: p => h('div', {class: 'actions'},
            p.status === 'NOMINATED' ? h('button', {type: 'button', class: 'accept',
                onclick: e => decideOne(page, p, 'accept', e.target)}, t('leader.participants.accept')) : null,
            choosable(p) ? h('button', {type: 'button', class: 'danger reject',
                onclick: e => decideOne(page, p, 'reject', e.target)}, t('leader.participants.reject')) : null)}] : []),
    ];
    const list = table(columns, people, {
        caption: t('leader.participants.caption', {count: people.length}),
        rowAttrs: p => ({dataset: {participant: p.id, email: p.email}}),
    });
    replace(body,
        open && people.some(choosable) ? h('div', {class: 'leader-bulk actions', role: 'group',
            'aria-label': t('leader.participants.bulk')}, acceptMany, rejectMany, count) : null,
        list);
    update();
}

/** Accepts or rejects one participant from their row. */
async function decideOne(page, participant, action, button) {
    const reason = action === 'reject' ? await askReason([participant]) : '';
    if (reason === null) {
        return;
    }
    button.disabled = true;
    try {
        await decide(page, participant, action, reason);
        notice(page.outcome, 'ok', t('leader.participants.' + action + 'ed', {name: fullName(participant)}));
    } catch (error) {
        notice(page.outcome, 'error', t('leader.participants.failedOne', {name: fullName(participant), reason: whyFailed(error)}));
    }
    await page.changed();
}

/**
 * Accepts or rejects many: one request per participant, one after the other (each takes the state's seat
 * lock), with a progress bar, then a summary of what was done and, for each one that failed, why.
 */
async function decideMany(page, people, action) {
    if (!people.length) {
        return;
    }
    const reason = action === 'reject' ? await askReason(people) : '';
    if (reason === null) {
        return;
    }
    page.parts.participants.body.querySelectorAll('button, input').forEach(b => { b.disabled = true; });
    const bar = h('progress', {max: people.length, value: 0, id: 'selection-progress'});
    const said = h('p', {role: 'status'});
    replace(page.outcome, h('div', {class: 'notice info'}, said, bar));
    const failed = [];
    for (const [i, person] of people.entries()) {
        replace(said, t('leader.participants.progress.' + action, {done: i, total: people.length}));
        try {
            await decide(page, person, action, reason);
        } catch (error) {
            failed.push({person, why: whyFailed(error)});
        }
        bar.value = i + 1;
    }
    const done = people.length - failed.length;
    replace(page.outcome,
        h('div', {id: 'selection-summary', class: 'notice ' + (failed.length ? 'warn' : 'ok'), role: 'status'},
            h('p', {}, t('leader.participants.summary.' + action, {done, total: people.length})),
            failed.length ? [h('p', {}, t('leader.participants.summary.failed', {count: failed.length})),
                h('ul', {class: 'leader-failures'}, failed.map(f => h('li', {}, h('strong', {}, fullName(f.person)), ': ', f.why)))] : null));
    await page.changed();
}

function decide(page, participant, action, reason) {
    return api.course(page.path + '/participants/' + participant.id + '/' + action,
        action === 'reject' ? {method: 'POST', json: {reason: reason || null}} : {method: 'POST'});
}

/** Asks why before rejecting; null when the leader changes their mind. */
async function askReason(people) {
    const answer = await ask({
        question: people.length === 1 ? t('leader.participants.rejectOne', {name: fullName(people[0])})
            : t('leader.participants.rejectMany', {count: people.length}),
        yes: t('leader.participants.reject'),
        danger: true,
        reason: true,
    });
    return answer ? answer.reason : null;
}
