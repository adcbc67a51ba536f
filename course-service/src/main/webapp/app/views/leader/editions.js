// Editions: the list (a state coordinator sees it too, each edition linking to their state's page), and the form
// that creates one.

import {h, replace} from '../../dom.js';
import {t, formatDate, formatNumber} from '../../i18n.js';
import * as api from '../../api.js';
import * as session from '../../session.js';
import {field, formMessage, onSubmit, table, badge, checkFields} from '../../forms.js';
import {navigate} from '../../router.js';
import {LEADER, EDITION_LANGUAGES, editionLink, flashNext, localized, text, number, compact, languageName} from './common.js';

export async function editionsPage(main) {
    const editions = await api.course('/editions');
    const leader = session.hasRole(LEADER);
    const myState = session.account()?.state;
    const link = e => leader ? editionLink(e.code)
        : myState ? '#/editions/' + encodeURIComponent(e.code) + '/states/' + encodeURIComponent(myState) : null;
    replace(main,
        h('h1', {}, t('nav.editions')),
        table([
            {label: t('leader.edition.code'), cell: e => link(e) ? h('a', {href: link(e)}, e.code) : e.code},
            {label: t('leader.edition.title'), cell: e => e.title},
            {label: t('leader.edition.status'), cell: e => badge('edition', e.status)},
            {label: t('leader.edition.language'), cell: e => languageName(e.language)},
            {label: t('leader.edition.onlineStage'), cell: e => formatDate(e.onlineStageStart) + ' – ' + formatDate(e.onlineStageEnd)},
            {label: t('leader.edition.courseHours'), cell: e => formatNumber(e.courseHours), class: 'number'},
            {label: t('leader.edition.moodleCourseId'), cell: e => e.moodleCourseId ?? t('leader.edition.notLinked')},
        ], editions, {caption: t('leader.editions.caption'), rowAttrs: e => ({dataset: {edition: e.code}})}),
        leader ? newEditionForm() : null);
}

function newEditionForm() {
    const form = h('form', {id: 'new-edition', class: 'card', novalidate: true},
        h('h2', {}, t('leader.editions.new')),
        h('p', {class: 'hint'}, t('leader.editions.newHint')),
        h('div', {class: 'form-grid'},
            field({name: 'code', label: t('leader.edition.code'), required: true, maxlength: 20,
                pattern: '[0-9A-Za-z][0-9A-Za-z._\\-]{0,19}', hint: t('leader.edition.codeHint')}),
            field({name: 'title', label: t('leader.edition.title'), required: true, maxlength: 200}),
            field({name: 'language', label: t('leader.edition.language'), required: true, value: 'es',
                options: EDITION_LANGUAGES.map(l => [l, languageName(l)])}),
            field({name: 'onlineStageStart', label: t('leader.edition.onlineStageStart'), type: 'date', required: true}),
            field({name: 'onlineStageEnd', label: t('leader.edition.onlineStageEnd'), type: 'date', required: true}),
            field({name: 'courseHours', label: t('leader.edition.courseHours'), type: 'number', required: true,
                min: 1, max: 1000, step: 1}),
            field({name: 'moodleCourseId', label: t('leader.edition.moodleCourseId'), type: 'number', min: 2, step: 1,
                hint: t('leader.edition.moodleCourseHint')}),
            field({name: 'certificateTemplate', label: t('leader.edition.certificateTemplate'),
                pattern: '[a-z0-9\\-]{1,50}', hint: t('leader.edition.templateHint')})),
        formMessage(),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, t('leader.editions.create'))));
    onSubmit(form, async data => {
        checkFields(form);
        try {
            const created = await api.course('/editions', {method: 'POST', json: compact({
                code: text(data, 'code'), title: text(data, 'title'), language: data.get('language'),
                onlineStageStart: text(data, 'onlineStageStart'), onlineStageEnd: text(data, 'onlineStageEnd'),
                courseHours: number(data, 'courseHours'), moodleCourseId: number(data, 'moodleCourseId'),
                certificateTemplate: text(data, 'certificateTemplate')})});
            flashNext(t('leader.editions.created', {code: created.code}));
            navigate('editions/' + encodeURIComponent(created.code));
        } catch (error) {
            throw localized(error);
        }
    });
    return form;
}
