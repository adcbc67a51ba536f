// Moodle, for one edition: the connection, the sync (now, or retrying what failed), what waits and what failed.

import {h, replace} from '../../dom.js';
import {t, formatDateTime, formatNumber} from '../../i18n.js';
import * as api from '../../api.js';
import {notice, table, describe} from '../../forms.js';
import {fill, known, localized} from './common.js';
import {loadParticipants} from './participants.js';
import {loadReport} from './report.js';

const WORK_STATUSES = ['PENDING', 'DONE', 'FAILED', 'CANCELLED'];

export function drawMoodleTools(page) {
    const connection = h('div', {id: 'moodle-connection', 'aria-live': 'polite'});
    const check = h('button', {type: 'button', id: 'check-connection'}, t('leader.moodle.check'));
    check.addEventListener('click', async () => {
        check.disabled = true;
        replace(connection, h('p', {class: 'loading'}, t('leader.moodle.checking')), h('progress', {}));
        try {
            const c = await api.course('/moodle/connection');
            replace(connection, h('div', {class: 'notice ' + (c.ok ? 'ok' : 'error'), role: c.ok ? 'status' : 'alert'},
                h('p', {}, !c.configured ? t('leader.moodle.notConfigured')
                    : c.ok ? t('leader.moodle.connected', {site: c.site || '—', release: c.release || '—'})
                        : t('leader.moodle.notConnected', {site: c.site || '—'})),
                c.missingFunctions?.length ? h('p', {}, t('leader.moodle.missing'), ' ', c.missingFunctions.join(', ')) : null,
                c.problems?.length ? h('ul', {}, c.problems.map(p => h('li', {}, p))) : null));
        } catch (error) {
            notice(connection, 'error', describe(localized(error)));
        } finally {
            check.disabled = false;
        }
    });
    const sync = h('button', {type: 'button', id: 'sync-now', class: 'primary'}, t('leader.moodle.syncNow'));
    const retry = h('button', {type: 'button', id: 'retry-failed'}, t('leader.moodle.retry'));
    const result = h('div', {id: 'sync-result', 'aria-live': 'polite'});
    const busy = async (button, label, work) => {
        sync.disabled = retry.disabled = true;
        replace(result, h('p', {class: 'loading'}, label), h('progress', {}));
        try {
            notice(result, 'ok', await work());
        } catch (error) {
            notice(result, 'error', describe(localized(error)));
        } finally {
            sync.disabled = false;
            await loadSync(page);
        }
    };
    sync.addEventListener('click', () => busy(sync, t('leader.moodle.syncing'), async () => {
        await api.course(page.path + '/moodle-sync', {method: 'POST'});
        // Enrolments change participants' statuses: the lists and the report follow.
        await Promise.all([loadParticipants(page), loadReport(page)]);
        return t('leader.moodle.synced');
    }));
    retry.addEventListener('click', () => busy(retry, t('leader.moodle.retrying'), async () => {
        const answer = await api.course(page.path + '/moodle-sync/retry', {method: 'POST'});
        return t('leader.moodle.retried', {count: answer.retried});
    }));
    page.retryButton = retry;
    replace(page.parts.moodle.tools,
        h('div', {class: 'card'},
            h('h3', {}, t('leader.moodle.connection')),
            h('p', {class: 'hint'}, t('leader.moodle.connectionHint')),
            h('div', {class: 'actions'}, check), connection),
        h('h3', {}, t('leader.moodle.sync')),
        h('p', {class: 'hint'}, page.edition.moodleCourseId
            ? t('leader.moodle.linked', {course: page.edition.moodleCourseId}) : t('leader.moodle.unlinked')),
        h('div', {class: 'actions'}, sync, retry),
        result);
}

export async function loadSync(page) {
    await fill(page.parts.moodle, async body => {
        const state = await api.course(page.path + '/moodle-sync');
        const kinds = Object.keys(state.counts || {}).sort();
        const failures = state.failures || [];
        const retrying = state.retrying || [];
        if (page.retryButton) {
            page.retryButton.disabled = failures.length === 0;
            replace(page.retryButton, t('leader.moodle.retryCount', {count: failures.length}));
        }
        replace(body,
            kinds.length ? table([
                {label: t('leader.moodle.kind'), cell: k => workKind(k)},
                ...WORK_STATUSES.map(s => ({label: t('leader.work.' + s), class: 'number',
                    cell: k => formatNumber(state.counts[k][s] || 0)})),
            ], kinds, {caption: t('leader.moodle.counts')}) : h('p', {class: 'empty'}, t('leader.moodle.nothing')),
            h('h3', {}, t('leader.moodle.failures')),
            failures.length ? table([
                {label: t('leader.participants.name'), cell: f => f.participant || (f.participantId ? '#' + f.participantId : '—')},
                {label: t('common.state'), cell: f => f.state || '—'},
                {label: t('leader.moodle.kind'), cell: f => workKind(f.kind)},
                {label: t('leader.moodle.attempts'), cell: f => formatNumber(f.attempts), class: 'number'},
                {label: t('leader.moodle.reason'), cell: f => f.reason || '—'},
            ], failures, {caption: t('leader.moodle.failuresCaption', {count: failures.length}),
                rowAttrs: () => ({class: 'problem'})})
                : h('p', {id: 'no-failures', class: 'empty'}, t('leader.moodle.noFailures')),
            // Work that failed for now (Moodle down, say) and is tried again by itself: why, and when.
            retrying.length ? [h('h3', {}, t('leader.moodle.waiting')), table([
                {label: t('leader.participants.name'), cell: r => r.participant || (r.participantId ? '#' + r.participantId : '—')},
                {label: t('common.state'), cell: r => r.state || '—'},
                {label: t('leader.moodle.kind'), cell: r => workKind(r.kind)},
                {label: t('leader.moodle.attempts'), cell: r => formatNumber(r.attempts), class: 'number'},
                {label: t('leader.moodle.reason'), cell: r => r.reason || '—'},
                {label: t('leader.moodle.nextAttempt'), cell: r => r.nextAttemptAt
                    ? h('time', {datetime: r.nextAttemptAt}, formatDateTime(r.nextAttemptAt)) : '—'},
            ], retrying, {caption: t('leader.moodle.waitingCaption', {count: retrying.length})})] : null);
    });
}

function workKind(kind) {
    const key = 'leader.work.' + kind;
    return known(key) ? t(key) : kind;
}
