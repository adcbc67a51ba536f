// A state's page in one edition: its seats, its roster (rank and withdrawal, each participant's stages and Moodle
// state), then the nominations and face-to-face sections, drawn by their own modules.

import {h, replace} from '../../dom.js';
import {t, formatNumber, stateName} from '../../i18n.js';
import * as api from '../../api.js';
import {ApiError} from '../../api.js';
import * as session from '../../session.js';
import {field, formMessage, onSubmit, table, badge, describe, checkFields, fullName} from '../../forms.js';
import {FINAL, learner, tell, openDialog, rosterPath, enc} from './common.js';
import {nominationSections} from './nominations.js';
import {faceToFaceSection, drawFaceToFace, drawPlan, mayRecord, resultDialog} from './face-to-face.js';

export async function statePage(main, params) {
    const code = params.code;
    const state = params.state.toUpperCase();
    const heading = h('h1', {}, t('coord.title', {state: stateName(state), code}));
    let edition;
    let roster;
    try {
        [edition, roster] = await Promise.all([
            api.course(`/editions/${enc(code)}`),
            api.course(rosterPath(code, state))]);
    } catch (error) {
        // Another state's page, or one that does not exist: say so, and show nothing else.
        replace(main, heading,
            h('p', {id: 'coord-refused', class: 'notice error', role: 'alert'}, refusal(error, code, state)),
            h('p', {}, h('a', {href: '#/'}, t('coord.back'))));
        return;
    }

    const account = session.account();
    // The page's data (`edition`, `roster`) and the boxes redrawn from it after every change.
    const page = {
        main, code, state, edition, roster,
        mine: session.hasRole('STATE_COORDINATOR') && account.state === state,
        leader: session.hasRole('COURSE_LEADER'),
        seats: h('ul', {id: 'seats', class: 'stats', 'aria-labelledby': 'seats-heading'}),
        notice: h('div', {id: 'coord-notice', tabindex: '-1'}),
        rosterBox: h('div', {id: 'roster'}),
        faceToFaceBox: h('div', {id: 'face-to-face-state'}),
        planBox: h('div', {id: 'plan'}),
    };
    // The sections drawn by other modules redraw the page through these.
    page.reload = () => reload(page);
    page.startOver = (kind, text) => startOver(page, kind, text);

    replace(main,
        h('p', {class: 'coord-back'}, h('a', {href: '#/'}, t('coord.back'))),
        heading,
        h('p', {class: 'coord-edition'}, edition.title, ' ', badge('edition', edition.status)),
        h('h2', {id: 'seats-heading'}, t('coord.seats')),
        page.seats,
        page.notice,
        h('section', {'aria-labelledby': 'roster-heading'},
            h('h2', {id: 'roster-heading'}, t('coord.roster')),
            h('p', {class: 'hint'}, t('coord.roster.hint')),
            page.rosterBox),
        nominationSections(page),
        faceToFaceSection(page));
    draw(page);
    return page;
}

/** Draws the whole page again from fresh data (after a change to what it offers, like closing the stage), then tells. */
async function startOver(page, kind, text) {
    const fresh = await statePage(page.main, {code: page.code, state: page.state});
    if (fresh) {
        tell(fresh, kind, text);
    }
}

/** Redraws what depends on the roster: seats, the table, the face-to-face state. */
function draw(page) {
    const agreement = page.roster.agreement;
    replace(page.seats,
        stat('quota', t('coord.seats.quota'), agreement.quota),
        stat('held', t('coord.seats.held'), agreement.seatsHeld),
        stat('free', t('coord.seats.free'), agreement.seatsFree),
        stat('waitlisted', t('coord.seats.waitlisted'), agreement.waitlisted));
    replace(page.rosterBox, rosterTable(page));
    drawFaceToFace(page);
    drawPlan(page);
}

function stat(key, label, value) {
    return h('li', {id: 'seats-' + key}, h('strong', {}, formatNumber(value)), label);
}

async function reload(page) {
    page.roster = await api.course(rosterPath(page.code, page.state));
    draw(page);
}

function rosterTable(page) {
    const {edition} = page;
    const mayRank = page.mine && edition.status === 'NOMINATIONS_OPEN';
    const columns = [
        {label: t('coord.col.rank'), class: 'number', cell: p => mayRank && !FINAL.includes(p.status) ? rankForm(page, p) : p.rank},
        // The e-mail and institution under the name: one column fewer, so the stages' columns fit beside it.
        {label: t('coord.col.name'), cell: p => [h('span', {class: 'coord-name'}, fullName(p)),
            h('span', {class: 'coord-sub coord-email'}, p.email),
            p.institution ? h('span', {class: 'coord-sub'}, p.institution) : null]},
        {label: t('coord.col.status'), cell: p => badge('participant', p.status)},
    ];
    if (page.roster.participants.some(p => p.waitlistPosition)) {
        columns.push({label: t('coord.col.waitlist'), class: 'number', cell: p => p.waitlistPosition ? formatNumber(p.waitlistPosition) : '—'});
    }
    // The stages' columns once someone takes the course: before that they would only hold dashes.
    if (page.roster.participants.some(learner) || !['DRAFT', 'NOMINATIONS_OPEN'].includes(edition.status)) {
        columns.push(
            {label: t('coord.col.online'), cell: p => learner(p) ? badge('online', p.onlineStage) : '—'},
            {label: t('coord.col.faceToFace'), cell: p => learner(p) ? [badge('faceToFace', p.faceToFace),
                p.faceToFaceScore !== null && p.faceToFaceScore !== undefined
                    ? h('span', {class: 'coord-score'}, ' ', formatNumber(p.faceToFaceScore, 2)) : null] : '—'},
            {label: t('coord.col.moodle'), cell: p => moodleState(p)});
    }
    columns.push({label: t('common.actions'), cell: p => h('div', {class: 'actions'}, rowActions(page, p))});
    return table(columns, page.roster.participants, {
        caption: t('coord.roster.caption', {state: stateName(page.state), code: page.code}),
        rowAttrs: p => ({id: 'participant-' + p.id, dataset: {participant: p.id, status: p.status}}),
    });
}

/** In Moodle once the sync has matched or created the user; "waiting" while an accepted learner is not there yet. */
function moodleState(p) {
    if (p.moodleUserId) {
        return h('span', {title: t('coord.moodle.user', {id: p.moodleUserId})}, t('common.yes'));
    }
    return learner(p) ? h('span', {class: 'coord-waiting'}, t('coord.moodle.waiting')) : '—';
}

function rowActions(page, p) {
    const actions = [];
    if (mayRecord(page, p)) {
        actions.push(h('button', {type: 'button', class: 'coord-record', 'aria-label': t('coord.recordOf', {name: fullName(p)}),
            onclick: () => resultDialog(page, p)}, page.roster.agreement.faceToFaceClosedAt ? t('coord.correct') : t('coord.record')));
    }
    if ((page.mine || page.leader) && !FINAL.includes(p.status) && page.edition.status !== 'CLOSED') {
        actions.push(h('button', {type: 'button', class: 'danger coord-withdraw', 'aria-label': t('coord.withdrawOf', {name: fullName(p)}),
            onclick: () => withdrawDialog(page, p)}, t('coord.withdraw')));
    }
    return actions;
}

/** A small form in the rank cell: the new rank and a save button (Enter in the box saves too). */
function rankForm(page, p) {
    const form = h('form', {class: 'coord-rank', novalidate: true},
        field({name: 'rank', label: t('coord.rankOf', {name: fullName(p)}), type: 'number',
            value: p.rank, min: 1, max: 10000, step: 1, required: true}),
        h('button', {type: 'submit', 'aria-label': t('coord.rank.saveOf', {name: fullName(p)})}, t('coord.rank.save')),
        formMessage());
    onSubmit(form, async data => {
        checkFields(form);
        const rank = Number(data.get('rank'));
        page.roster = await api.course(`/editions/${enc(page.code)}/participants/${p.id}/rank`,
            {method: 'PUT', json: {rank}});
        draw(page);
        tell(page, 'ok', t('coord.rank.saved', {name: fullName(p), rank}));
    });
    return form;
}

function withdrawDialog(page, p) {
    const before = new Map(page.roster.participants.map(x => [x.id, x.status]));
    openDialog({
        id: 'withdraw-dialog',
        title: t('coord.withdraw.title', {name: fullName(p)}),
        body: [h('p', {}, t('coord.withdraw.explain')),
            field({name: 'reason', label: t('coord.withdraw.reason'), type: 'textarea', rows: 2, required: true, maxlength: 500})],
        submit: t('coord.withdraw.confirm'),
        danger: true,
        action: async (data, form) => {
            checkFields(form);
            await api.course(`/editions/${enc(page.code)}/participants/${p.id}/withdraw`,
                {method: 'POST', json: {reason: data.get('reason').trim()}});
            await reload(page);
            // Whoever was waitlisted before and holds a seat now took the freed seat.
            const promoted = page.roster.participants.filter(x => before.get(x.id) === 'WAITLISTED' && x.status === 'NOMINATED');
            return () => tell(page, 'ok', [t('coord.withdrawn', {name: fullName(p)}),
                promoted.length ? t('coord.promoted', {names: promoted.map(fullName).join(', ')}) : ''].join(' ').trim());
        },
    });
}

/** What to show instead of another state's data, or of a page that does not exist. */
function refusal(error, code, state) {
    if (error instanceof ApiError && error.status === 403) {
        return t('coord.refused');
    }
    if (error instanceof ApiError && error.status === 404) {
        return t('coord.notFound', {code, state});
    }
    return describe(error);
}
