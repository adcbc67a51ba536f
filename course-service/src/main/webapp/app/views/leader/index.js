// The course leader's pages: editions and their lifecycle, agreements and quotas per state, accepting or
// rejecting nominations (one or many at once), the Moodle connection and sync, the edition's report (table,
// chart, CSV) and the audit log. Every rule and access check is the server's; these pages only ask and show.
// This module lists their routes and draws the leader's cards on the home page; each page is its own module.

import {h, replace} from '../../dom.js';
import {t} from '../../i18n.js';
import * as api from '../../api.js';
import {badge, describe} from '../../forms.js';
import {LEADER, editionLink} from './common.js';
import {editionsPage} from './editions.js';
import {editionPage} from './edition.js';
import {auditPage} from './audit.js';

export const routes = [
    {path: 'editions', render: editionsPage, roles: [LEADER, 'STATE_COORDINATOR']},
    {path: 'editions/:code', render: editionPage, roles: [LEADER]},
    {path: 'audit', render: auditPage, roles: [LEADER, 'ADMIN']},
];

/**
 * The home page draws cards at once; the editions arrive a moment later and fill their holder in place (it is
 * laid out as if its cards were the home grid's own, see leader.css).
 */
export function homeCards() {
    const holder = h('div', {class: 'leader-home-editions'}, h('p', {class: 'card loading'}, t('common.loading')));
    api.course('/editions').then(
        editions => replace(holder, editions.map(editionCard), newEditionCard()),
        error => replace(holder, h('p', {class: 'card notice error', role: 'alert'}, describe(error))));
    return [holder, h('section', {class: 'card', id: 'card-audit'},
        h('h2', {}, t('nav.audit')),
        h('p', {}, t('leader.home.audit')),
        h('a', {class: 'button', href: '#/audit'}, t('leader.home.openAudit')))];
}

function editionCard(edition) {
    return h('section', {class: 'card leader-edition-card', dataset: {edition: edition.code}},
        h('h2', {}, t('leader.edition.heading', {code: edition.code})),
        h('p', {}, edition.title),
        h('p', {}, badge('edition', edition.status)),
        h('a', {class: 'button primary', href: editionLink(edition.code)}, t('leader.home.open', {code: edition.code})));
}

function newEditionCard() {
    return h('section', {class: 'card'},
        h('h2', {}, t('nav.editions')),
        h('p', {}, t('leader.home.editions')),
        h('a', {class: 'button', href: '#/editions'}, t('leader.home.allEditions')));
}
