// An edition's agreements: each state's quota, face-to-face plan, coordinator and signatory; the form that makes
// or changes one while agreements are open.

import {h, replace} from '../../dom.js';
import {t, formatDate, formatNumber, stateName} from '../../i18n.js';
import * as api from '../../api.js';
import {field, formMessage, onSubmit, table, checkFields} from '../../forms.js';
import {OAS_STATES, fill, localized, text, number, compact, empty, sortedStates} from './common.js';

const MODALITIES = ['IN_PERSON', 'HYBRID', 'VIRTUAL_LIVE'];

export async function loadAgreements(page) {
    await fill(page.parts.agreements, async body => {
        page.agreements = await api.course(page.path + '/agreements');
        const code = page.code;
        replace(body, table([
            {label: t('common.state'), cell: a => stateName(a.state)},
            {label: t('leader.agreements.quota'), cell: a => formatNumber(a.quota), class: 'number'},
            {label: t('leader.agreements.held'), cell: a => formatNumber(a.seatsHeld), class: 'number'},
            {label: t('leader.agreements.free'), cell: a => formatNumber(a.seatsFree), class: 'number'},
            {label: t('leader.agreements.waitlisted'), cell: a => formatNumber(a.waitlisted), class: 'number'},
            {label: t('leader.agreements.faceToFace'), cell: a => planSummary(a.faceToFacePlan)},
            {label: t('leader.agreements.coordinator'), cell: a => person(a.localCoordinator?.name, a.localCoordinator?.email)},
            {label: t('leader.agreements.signatory'), cell: a => person(a.signatory?.name,
                    [a.signatory?.title, a.signatory?.institution].filter(Boolean).join(', '))},
            {label: t('common.actions'), cell: a => h('div', {class: 'actions'},
                    h('a', {href: '#/editions/' + encodeURIComponent(code) + '/states/' + encodeURIComponent(a.state)},
                        t('leader.agreements.statePage', {state: a.state})),
                    agreementsOpen(page.edition) ? h('button', {type: 'button', class: 'link',
                        onclick: () => page.editAgreement?.(a.state)}, t('leader.agreements.edit', {state: a.state})) : null)},
        ], page.agreements, {caption: t('leader.agreements.caption', {code}), rowAttrs: a => ({dataset: {state: a.state}})}));
    });
}

function agreementsOpen(edition) {
    return edition.status === 'DRAFT' || edition.status === 'NOMINATIONS_OPEN';
}

export function drawAgreementForm(page) {
    const tools = page.parts.agreements.tools;
    if (!agreementsOpen(page.edition)) {
        replace(tools, h('p', {class: 'notice info'}, t('leader.agreements.closed', {status: t('edition.' + page.edition.status)})));
        return;
    }
    const byState = new Map(page.agreements.map(a => [a.state, a]));
    const stateChoice = field({name: 'state', label: t('common.state'), required: true,
        options: [['', t('leader.agreements.chooseState')],
            ...sortedStates(OAS_STATES).map(s => [s, stateName(s) + (byState.has(s) ? ' · ' + t('leader.agreements.hasAgreement') : '')])]});
    const form = h('form', {id: 'agreement-form', class: 'card', novalidate: true},
        h('h3', {}, t('leader.agreements.formTitle')),
        h('p', {class: 'hint'}, t('leader.agreements.formHint')),
        h('div', {class: 'form-grid'},
            stateChoice,
            field({name: 'quota', label: t('leader.agreements.quota'), type: 'number', required: true, min: 0, max: 500,
                step: 1, hint: t('leader.agreements.quotaHint')})),
        h('fieldset', {},
            h('legend', {}, t('leader.agreements.faceToFace')),
            h('div', {class: 'form-grid'},
                field({name: 'startDate', label: t('leader.plan.startDate'), type: 'date'}),
                field({name: 'endDate', label: t('leader.plan.endDate'), type: 'date'}),
                field({name: 'city', label: t('leader.plan.city'), maxlength: 200}),
                field({name: 'modality', label: t('leader.plan.modality'),
                    options: [['', '—'], ...MODALITIES.map(m => [m, t('leader.modality.' + m)])]}),
                field({name: 'hours', label: t('leader.plan.hours'), type: 'number', min: 1, max: 1000, step: 1})),
            field({name: 'evaluationMethod', label: t('leader.plan.evaluation'), type: 'textarea', rows: 2, maxlength: 1000})),
        h('fieldset', {},
            h('legend', {}, t('leader.agreements.coordinator')),
            h('div', {class: 'form-grid'},
                field({name: 'coordinatorName', label: t('leader.person.name'), maxlength: 200, autocomplete: 'off'}),
                field({name: 'coordinatorEmail', label: t('leader.person.email'), type: 'email', maxlength: 254,
                    autocomplete: 'off'}))),
        h('fieldset', {},
            h('legend', {}, t('leader.agreements.signatory')),
            h('div', {class: 'form-grid'},
                field({name: 'signatoryName', label: t('leader.person.name'), maxlength: 200, autocomplete: 'off'}),
                field({name: 'signatoryTitle', label: t('leader.person.title'), maxlength: 200}),
                field({name: 'signatoryInstitution', label: t('leader.person.institution'), maxlength: 200}))),
        formMessage(),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, t('leader.agreements.save'))));

    // Saving replaces the whole agreement, so choosing a state fills in what it already has.
    const put = (name, value) => { form.elements[name].value = value ?? ''; };
    const prefill = state => {
        const a = page.agreements.find(x => x.state === state);
        const plan = a?.faceToFacePlan || {};
        put('quota', a?.quota);
        put('startDate', plan.startDate);
        put('endDate', plan.endDate);
        put('city', plan.city);
        put('modality', plan.modality);
        put('hours', plan.hours);
        put('evaluationMethod', plan.evaluationMethod);
        put('coordinatorName', a?.localCoordinator?.name);
        put('coordinatorEmail', a?.localCoordinator?.email);
        put('signatoryName', a?.signatory?.name);
        put('signatoryTitle', a?.signatory?.title);
        put('signatoryInstitution', a?.signatory?.institution);
    };
    form.elements.state.addEventListener('change', e => prefill(e.target.value));
    const disclosure = h('details', {class: 'leader-edit', open: page.agreements.length === 0},
        h('summary', {}, t('leader.agreements.formTitle')), form);
    // A row's "edit" opens the form on that state's agreement.
    page.editAgreement = state => {
        disclosure.open = true;
        put('state', state);
        prefill(state);
        form.scrollIntoView({block: 'start'});
        form.elements.quota.focus();
    };

    onSubmit(form, async data => {
        checkFields(form);
        const state = data.get('state');
        const plan = compact({startDate: text(data, 'startDate'), endDate: text(data, 'endDate'), city: text(data, 'city'),
            modality: text(data, 'modality'), hours: number(data, 'hours'), evaluationMethod: text(data, 'evaluationMethod')});
        const coordinator = compact({name: text(data, 'coordinatorName'), email: text(data, 'coordinatorEmail')});
        const signatory = compact({name: text(data, 'signatoryName'), title: text(data, 'signatoryTitle'),
            institution: text(data, 'signatoryInstitution')});
        try {
            await api.course(page.path + '/agreements/' + encodeURIComponent(state), {method: 'PUT', json: {
                quota: number(data, 'quota'),
                faceToFacePlan: empty(plan) ? null : plan,
                localCoordinator: empty(coordinator) ? null : coordinator,
                signatory: empty(signatory) ? null : signatory}});
        } catch (error) {
            throw localized(error);
        }
        // A raised quota may have promoted waitlisted people: every count on the page may have moved.
        await page.changed();
        return t('leader.agreements.saved', {state: stateName(state)});
    });
    replace(tools, disclosure);
}

function planSummary(plan) {
    if (!plan) {
        return '—';
    }
    return [plan.city, plan.modality ? t('leader.modality.' + plan.modality) : null,
        plan.startDate ? formatDate(plan.startDate) + ' – ' + formatDate(plan.endDate) : null,
        plan.hours ? t('leader.plan.hoursValue', {hours: plan.hours}) : null].filter(Boolean).join(' · ') || '—';
}

/** A name, with what else is known of the person on a smaller line under it. */
function person(name, more) {
    return name || more ? [name || '—', more ? h('span', {class: 'leader-sub'}, more) : null] : '—';
}
