// The 「印刷する」 button of receipts and statements. It stays hidden without JavaScript,
// where the browser's own print command does the same.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-print]').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  });
});
