// An edition's report: the funnel per state as a chart and a table, and the same as a CSV file.

import {h, svg, replace, saveFile} from '../../dom.js';
import {t, language, formatNumber, stateName} from '../../i18n.js';
import * as api from '../../api.js';
import {table, describe} from '../../forms.js';
import {fill, localized} from './common.js';

/** The report's bars, in funnel order: the seats first, then each step a participant passes. */
const FUNNEL = ['seats', 'proposed', 'accepted', 'enrolled', 'onlineCompleted', 'faceToFacePassed', 'certified'];

export function drawReportTools(page) {
    const exportButton = h('button', {type: 'button', id: 'export-csv'}, t('leader.report.export'));
    const said = h('span', {'aria-live': 'polite'});
    exportButton.addEventListener('click', async () => {
        exportButton.disabled = true;
        replace(said, t('leader.report.exporting'));
        try {
            const file = await api.course(page.path + '/report', {accept: 'text/csv', as: 'blob'});
            saveFile(file, 'report-' + page.code.replace(/[^A-Za-z0-9._-]/g, '_') + '.csv');
            replace(said, t('leader.report.exported'));
        } catch (error) {
            replace(said, describe(localized(error)));
        } finally {
            exportButton.disabled = false;
        }
    });
    replace(page.parts.report.tools, h('div', {class: 'actions'}, exportButton, said));
}

export async function loadReport(page) {
    await fill(page.parts.report, async body => {
        const report = await api.course(page.path + '/report');
        const lines = report.states || [];
        if (!lines.length) {
            replace(body, h('p', {class: 'empty'}, t('leader.report.empty')));
            return;
        }
        const tableId = 'report-table';
        replace(body,
            h('figure', {class: 'chart leader-chart', id: 'report-chart'},
                funnelChart(report, tableId),
                h('figcaption', {}, t('leader.report.chartCaption'))),
            reportTable(report, tableId));
    });
}

/**
 * The report's numbers. Each later step shows its rate under the count (the server's rates: enrolled of
 * accepted, online completed and face-to-face passed of enrolled, certified of accepted), so the table
 * stays narrow enough to read without scrolling.
 */
function reportTable(report, id) {
    const percent = value => value === null || value === undefined ? null
        : new Intl.NumberFormat(language(), {style: 'percent', maximumFractionDigits: 1}).format(value);
    const rates = {enrolled: 'enrolmentRate', onlineCompleted: 'onlineCompletionRate',
        faceToFacePassed: 'faceToFacePassRate', certified: 'certificationRate'};
    const cell = (line, key) => {
        const rate = rates[key] ? percent(line[rates[key]]) : null;
        return rate === null ? formatNumber(line[key])
            : [formatNumber(line[key]), h('span', {class: 'leader-rate'}, rate)];
    };
    const rows = [...report.states, ...(report.total ? [{...report.total, state: null}] : [])];
    const wrap = table([
        {label: t('common.state'), cell: l => l.state ? stateName(l.state) : t('leader.report.total')},
        ...FUNNEL.map(key => ({label: t('leader.funnel.' + key), cell: l => cell(l, key), class: 'number'})),
        {label: t('leader.funnel.waitlisted'), cell: l => formatNumber(l.waitlisted), class: 'number'},
    ], rows, {caption: t('leader.report.caption', {code: report.edition}),
        rowAttrs: l => l.state ? {dataset: {state: l.state}} : {class: 'total'}});
    wrap.querySelector('table')?.setAttribute('id', id);
    return [wrap, h('p', {class: 'hint'}, t('leader.report.rates'))];
}

/**
 * Seats and the funnel per state as bars: one row per state, one column per step, every bar on the same
 * scale so the steps compare down and across. Its text alternative is the report table that follows it.
 */
function funnelChart(report, tableId) {
    const lines = report.states;
    const left = 12, labelWidth = 200, columnWidth = 112, barWidth = 78, headerHeight = 46, rowHeight = 28, barHeight = 16;
    const width = left + labelWidth + FUNNEL.length * columnWidth + 8;
    const height = headerHeight + lines.length * rowHeight + 8;
    const most = Math.max(1, ...lines.flatMap(l => FUNNEL.map(key => l[key] || 0)));
    const titleId = 'chart-title', descId = 'chart-desc';
    return svg('svg', {viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
            'aria-labelledby': titleId, 'aria-describedby': descId, class: 'leader-funnel'},
        svg('title', {id: titleId}, t('leader.report.chartTitle', {code: report.edition})),
        svg('desc', {id: descId}, t('leader.report.chartDesc')),
        // Column headings: each step's name, on two lines when long.
        FUNNEL.map((key, i) => svg('text', {x: left + labelWidth + i * columnWidth, y: 18, class: 'leader-chart-heading'},
            twoLines(t('leader.funnel.' + key)).map((line, j) => svg('tspan', {x: left + labelWidth + i * columnWidth, dy: j ? 15 : 0}, line)))),
        lines.map((l, row) => {
            const y = headerHeight + row * rowHeight;
            const name = stateName(l.state);
            return svg('g', {class: 'leader-chart-row', 'data-state': l.state},
                svg('text', {x: left, y: y + barHeight - 3, class: 'leader-chart-state'}, shorten(name, 28),
                    svg('title', {}, name)),
                FUNNEL.map((key, i) => {
                    const x = left + labelWidth + i * columnWidth;
                    const value = l[key] || 0;
                    const w = Math.round(barWidth * value / most);
                    return svg('g', {'data-step': key},
                        svg('rect', {x, y, width: barWidth, height: barHeight, class: 'leader-track'}),
                        svg('rect', {x, y, width: Math.max(w, value ? 2 : 0), height: barHeight,
                            class: 'leader-bar leader-bar-' + key}),
                        svg('text', {x: x + barWidth + 4, y: y + barHeight - 3, class: 'leader-chart-value'},
                            formatNumber(value)));
                }));
        }));
}

function twoLines(label) {
    const words = label.split(' ');
    if (label.length <= 14 || words.length < 2) {
        return [label];
    }
    // The split that makes the longer line shortest.
    let best = 1;
    for (let i = 1; i < words.length; i++) {
        const longer = Math.max(words.slice(0, i).join(' ').length, words.slice(i).join(' ').length);
        const bestLonger = Math.max(words.slice(0, best).join(' ').length, words.slice(best).join(' ').length);
        if (longer < bestLonger) {
            best = i;
        }
    }
    return [words.slice(0, best).join(' '), words.slice(best).join(' ')];
}

function shorten(text, max) {
    return text.length > max ? text.substring(0, max - 1) + '…' : text;
}
