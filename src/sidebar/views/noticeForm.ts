/**
 * The inline form under "Tạo văn bản ▸ <kind>": the meeting (Thông báo kết luận only, newest
 * first) and the document date, then "Tạo" / "Hủy". Escape cancels. The chosen values live in the
 * state, so a re-render (overview refresh) keeps them. The date is typed day first (dd/mm/yyyy),
 * whatever the browser's locale, and starts at the server's today.
 */

import type { MeetingDto } from '../../rpc/contract';
import { h } from '../dom';
import { formatDay, parseDay, todayInVietnam } from '../i18n';
import { meetingLabel } from '../model';
import type { NoticeChoice, NoticeForm, ViewContext } from '../state';

const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

/** The chosen meeting in full, wrapped (the closed dropdown shows only what fits in 300 px). */
function chosenMeeting(m: MeetingDto | undefined): HTMLElement | null {
  return m ? h('p', { class: 'form-note meeting-chosen', 'data-key': 'notice-meeting-chosen' }, meetingLabel(m)) : null;
}

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

/** Today as the server counts it (the spreadsheet's time zone), or Vietnam's today before the overview loads. */
export function serverToday(ctx: ViewContext): string {
  return ctx.state.overview?.today || todayInVietnam();
}

/**
 * What the form sends. Today's date is the server's default: leaving it out keeps "same data, same
 * document" across days; a date the user picked is sent (and is part of the document's identity).
 */
function choiceOf(ctx: ViewContext, form: NoticeForm): NoticeChoice {
  const date = form.date && form.date !== serverToday(ctx) ? { date: form.date } : {};
  // A draft is sent as `draft: true`; unticked, nothing (the `Cấp số văn bản` setting decides).
  const dated = form.draft ? { ...date, draft: true } : date;
  if (form.kind === 'giay-moi' && form.guests) return { ...dated, guests: true };
  return form.kind === 'thong-bao-ket-luan' && form.meetings ? { meeting: form.meeting, ...dated } : dated;
}

export function noticeFormView(ctx: ViewContext, form: NoticeForm): HTMLElement {
  const { t, state } = ctx;
  const meetings = form.kind === 'thong-bao-ket-luan' ? form.meetings : undefined;
  // Before "Thiết lập bảng tính" there is nothing to print: the form says so and offers no "Tạo".
  const setUp = state.overview?.checklist?.find((st) => st.key === 'setup')?.done !== false;
  const ready = setUp && (meetings === undefined || (meetings !== null && meetings.length > 0));
  const creating = state.busy?.action === 'generateNotice';
  const note = !setUp
    ? t.notSetUp
    : form.error
      ? `${t.meetingsFailed} ${form.error}`
      : meetings === null
        ? t.loading
        : meetings?.length === 0
          ? t.noMeetings
          : null;
  return h(
    'form',
    {
      id: 'notice-form',
      class: 'notice-form',
      'aria-label': t.kinds[form.kind],
      onsubmit: (e) => {
        e.preventDefault();
        if (ready && state.busy === null) {
          if (!parseDay(form.dateText ?? formatDay(form.date))) {
            ctx.setNoticeField('dateError', 'bad');
            return;
          }
          ctx.run('generateNotice', form.kind, choiceOf(ctx, form));
        }
      },
      onkeydown: (e) => {
        if ((e as KeyboardEvent).key === 'Escape') ctx.closeNoticeForm();
      },
    },
    meetings && meetings.length > 0
      ? field(
          'notice-meeting',
          t.meeting,
          h(
            'select',
            {
              id: 'notice-meeting',
              'data-key': 'notice-meeting',
              onchange: (e) => ctx.setNoticeField('meeting', value(e)),
            },
            meetings.map((m) => h('option', { value: m.code, selected: m.code === form.meeting }, meetingLabel(m))),
          ),
        )
      : null,
    meetings && meetings.length > 0 ? chosenMeeting(meetings.find((m) => m.code === form.meeting)) : null,
    note ? h('p', { class: `form-note${setUp && meetings === null ? ' muted' : ' tone-error'}` }, note) : null,
    ready
      ? field(
          'notice-date',
          t.documentDate,
          h('input', {
            type: 'text',
            id: 'notice-date',
            'data-key': 'notice-date',
            inputmode: 'numeric',
            autocomplete: 'off',
            placeholder: t.datePlaceholder,
            required: true,
            'aria-invalid': form.dateError ? 'true' : null,
            'aria-describedby': form.dateError ? 'notice-date-error' : null,
            value: form.dateText ?? formatDay(form.date),
            oninput: (e) => ctx.setNoticeField('dateText', value(e)),
          }),
        )
      : null,
    ready && form.dateError
      ? h('p', { class: 'form-note tone-error', id: 'notice-date-error', role: 'alert' }, t.badDate)
      : null,
    form.kind === 'giay-moi'
      ? h(
          'div',
          { class: 'field field-check' },
          h('input', {
            type: 'checkbox',
            id: 'notice-guests',
            'data-key': 'notice-guests',
            checked: form.guests === true,
            onchange: (e) => ctx.setNoticeField('guests', String((e.target as HTMLInputElement).checked)),
          }),
          h('label', { for: 'notice-guests' }, t.inviteGuests),
        )
      : null,
    ready
      ? h(
          'div',
          { class: 'field field-check' },
          h('input', {
            type: 'checkbox',
            id: 'notice-draft',
            'data-key': 'notice-draft',
            checked: form.draft === true,
            'aria-describedby': form.draft ? 'notice-draft-hint' : null,
            onchange: (e) => ctx.setNoticeField('draft', String((e.target as HTMLInputElement).checked)),
          }),
          h('label', { for: 'notice-draft' }, t.makeDraft),
        )
      : null,
    ready && form.draft ? h('p', { class: 'form-note muted', id: 'notice-draft-hint' }, t.draftHint) : null,
    form.confirm
      ? h(
          'div',
          { class: 'notice-confirm', role: 'alert' },
          h('p', { class: 'form-note tone-warn' }, form.confirm),
          h(
            'button',
            {
              type: 'button',
              class: 'action',
              'data-key': 'notice-force',
              'aria-disabled': state.busy !== null ? 'true' : null,
              onclick: () => {
                if (ready && state.busy === null)
                  ctx.run('generateNotice', form.kind, { ...choiceOf(ctx, form), force: true });
              },
            },
            t.forceCreate,
          ),
        )
      : null,
    h(
      'div',
      { class: 'form-buttons' },
      ready
        ? h(
            'button',
            {
              type: 'submit',
              class: `action primary${creating ? ' is-busy' : ''}`,
              'data-key': 'notice-create',
              'aria-disabled': state.busy !== null ? 'true' : null,
              'aria-busy': creating ? 'true' : null,
            },
            creating ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
            t.create,
          )
        : null,
      h(
        'button',
        {
          type: 'button',
          class: 'action',
          'data-key': 'notice-cancel',
          'aria-disabled': creating ? 'true' : null,
          onclick: () => ctx.closeNoticeForm(),
        },
        t.cancel,
      ),
    ),
  );
}
