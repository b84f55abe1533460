// The API reference page: Swagger UI (vendored, static/vendor/swagger-ui/) reading the app's own OpenAPI document.
// "Try it out" sends the browser's session cookie, so a signed-in user tries the API as themselves.
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: root.dataset.specUrl,
    domNode: root,
    deepLinking: false, // a link inside each operation's toggle button would nest interactive controls (axe)
    withCredentials: true,
    syntaxHighlight: false, // its token colours fall below WCAG AA contrast on the dark code blocks
    defaultModelsExpandDepth: 0,
  });
});
