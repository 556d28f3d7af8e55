// Swagger UI draws its "Servers" drop-down without a label; name it for screen readers as soon as it appears.
(function () {
    "use strict";
    function label() {
        var servers = document.getElementById("servers");
        if (servers && !servers.hasAttribute("aria-label")) {
            servers.setAttribute("aria-label", "Server");
        }
    }
    new MutationObserver(label).observe(document.documentElement, { childList: true, subtree: true });
    label();
}());
