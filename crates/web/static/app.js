// Progressive enhancement only: every form works without this file.
document.addEventListener('htmx:configRequest', (event) => {
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) event.detail.headers['X-CSRF-Token'] = meta.content;
});
// Move focus to the error summary so screen readers announce it.
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
});
// Copy-link buttons ([data-copy] names the id of the input to copy). They stay hidden without
// JavaScript, where the read-only input can still be selected and copied by hand.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-copy]').forEach((button) => { button.hidden = false; });
});
document.addEventListener('click', (event) => {
  const button = event.target.closest('[data-copy]');
  if (!button) return;
  const input = document.getElementById(button.dataset.copy);
  if (!input) return;
  const done = () => {
    const status = button.closest('.field')?.querySelector('.copy-status');
    if (status) status.textContent = button.dataset.copied || '';
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(input.value).then(done, () => { input.select(); });
  } else {
    input.select();
    if (document.execCommand && document.execCommand('copy')) done();
  }
});
