import { api } from '../api.js';
import { session } from '../app.js';
import { h, when, badge, pageHead, confirmAction, flash, busy } from '../ui.js';

const EXAMPLE = {
  rawDigest: false,
  chains: {
    ethereum: {
      chainIds: [1],
      personalSign: true,
      recipients: { allow: ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'] },
      maxValue: '1000000000000000000',
      maxValuePerDay: '5000000000000000000',
    },
  },
};

/** The organization's signing policy: shown to everyone, edited and removed by admins. */
export async function policyPage({ go }) {
  const state = await api.get('policy');
  const current = state.policy;
  const editor = h('textarea#policy-json.mono', {
    rows: 18, spellcheck: 'false', 'aria-label': 'Policy (JSON)',
    readonly: session.isAdmin() ? undefined : 'readonly',
  });
  editor.value = JSON.stringify(current ? current.policy : EXAMPLE, null, 2);
  const summary = current
    ? h('p#policy-summary', badge(`version ${current.version}`, 'ok'), ' ',
        h('span.mono.wrap', `hash ${current.hash}`), h('div.muted', `Updated ${when(current.updatedAt)} by ${current.updatedBy}`))
    : h('p.notice#policy-summary', 'No policy: every signature is allowed, as before policies. ',
        'Once a policy is in place, what it does not allow is refused (deny by default).');
  const error = h('p.error#policy-error', { hidden: true });
  let actions = h('p.notice#viewer-note', 'Viewers can see the policy but not change it.');
  if (session.isAdmin()) {
    const save = h('button#save-policy', { type: 'submit' }, current ? 'Save policy' : 'Put policy in place');
    const form = h('form.panel#policy-form', save);
    form.addEventListener('submit', e => {
      e.preventDefault();
      error.hidden = true;
      let policy;
      try {
        policy = JSON.parse(editor.value);
      } catch (parse) {
        error.textContent = `Not JSON: ${parse.message}`;
        error.hidden = false;
        return;
      }
      busy(save, async () => {
        try {
          const saved = await api.put('policy', { policy, expectedVersion: current ? current.version : 0 });
          flash(`Policy version ${saved.version} is in place.`);
          go('/policy');
        } catch (problem) {
          const field = problem.problem && problem.problem.field;
          error.textContent = field ? `${field}: ${problem.message}` : problem.message;
          error.hidden = false;
        }
      });
    });
    const remove = h('button.danger#remove-policy', { type: 'button', hidden: !current }, 'Remove policy');
    remove.addEventListener('click', async () => {
      if (!(await confirmAction('Remove the policy? Every signature is allowed again.', 'Remove'))) return;
      await busy(remove, async () => {
        await api.del('policy');
        flash('The policy is removed.');
        go('/policy');
      });
    });
    actions = h('div', form, remove);
  }
  return h('div',
    pageHead('Signing policy', 'What your wallets may sign, checked before Node 2 is asked. See docs/policies.md.'),
    summary, editor, error, actions);
}
