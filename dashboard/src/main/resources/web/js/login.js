'use strict';
// Sign-in: posts the name and password as JSON; the server answers with an HttpOnly session cookie.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    try {
      const response = await fetch('/api/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({
          user: document.getElementById('login-user').value,
          password: document.getElementById('login-password').value
        })
      });
      if (response.ok) {
        location.replace('/');
        return;
      }
      const body = await response.json().catch(() => ({}));
      error.textContent = body.error || ('sign-in failed (' + response.status + ')');
    } catch (e) {
      error.textContent = 'the dashboard does not answer: ' + e.message;
    }
    error.hidden = false;
  });
});
