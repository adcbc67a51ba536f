// The state coordinator's pages: their state's seats, candidates and participants in one edition (state.js);
// nominating one person or a CSV file (nominations.js); the face-to-face plan, results and closing
// (face-to-face.js). The course leader may open any state's page by its route. Every rule and access check is the
// server's: a button shown here that the server refuses shows the server's answer. This module lists the route
// and draws the coordinator's cards on the home page.

import {h} from '../../dom.js';
import {t, stateName} from '../../i18n.js';
import * as api from '../../api.js';
import * as session from '../../session.js';
import {badge} from '../../forms.js';
import {statePath, enc} from './common.js';
import {statePage} from './state.js';

export const routes = [
    {path: 'editions/:code/states/:state', render: statePage, roles: ['COURSE_LEADER', 'STATE_COORDINATOR']},
];

/** A state coordinator's cards: one per edition, with their state's seats, linking to their state's page. */
export async function homeCards() {
    const state = session.account()?.state;
    if (!session.hasRole('STATE_COORDINATOR') || !state) {
        return [];
    }
    const editions = await api.course('/editions');
    // One agreement per edition, asked in parallel: an edition without the state's agreement gets no link.
    const agreements = await Promise.all(editions.map(e =>
        api.course(`/editions/${enc(e.code)}/agreements/${enc(state)}`).catch(() => null)));
    return editions.map((edition, i) => {
        const agreement = agreements[i];
        return h('article', {class: 'card coord-card', dataset: {edition: edition.code}},
            h('h2', {}, t('coord.card.title', {code: edition.code})),
            h('p', {class: 'coord-card-title'}, edition.title),
            h('p', {}, badge('edition', edition.status)),
            agreement
                ? [h('p', {}, t('coord.card.seats', {held: agreement.seatsHeld, quota: agreement.quota,
                        waitlisted: agreement.waitlisted})),
                    h('a', {class: 'button primary', href: statePath(edition.code, state)},
                        t('coord.card.open', {state: stateName(state)}))]
                : h('p', {class: 'empty'}, t('coord.card.noAgreement')));
    });
}
