// Baktainer dashboard: reads /status and /backups, renders one card per target, refreshes every 10 s.
"use strict";
(function () {
  const refreshMs = 10000;
  const tokenKey = "baktainer-token";
  const $ = (id) => document.getElementById(id);

  function token() {
    const match = /token=([^&]+)/.exec(window.location.hash);
    if (match) {
      sessionStorage.setItem(tokenKey, decodeURIComponent(match[1]));
      history.replaceState(null, "", window.location.pathname);
    }
    return sessionStorage.getItem(tokenKey);
  }

  async function getJson(path) {
    const headers = {};
    const t = token();
    if (t) headers.Authorization = "Bearer " + t;
    const response = await fetch(path, { headers: headers, cache: "no-store" });
    if (response.status === 401) throw new Error("unauthorized");
    if (!response.ok && response.status !== 503) throw new Error(path + ": HTTP " + response.status);
    return response.json();
  }

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    (children || []).forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  }

  function when(iso) {
    if (!iso) return "never";
    const date = new Date(iso);
    const seconds = Math.round((Date.now() - date.getTime()) / 1000);
    const abs = Math.abs(seconds);
    const text = abs < 90 ? abs + " s" : abs < 5400 ? Math.round(abs / 60) + " min" : abs < 129600 ? Math.round(abs / 3600) + " h" : Math.round(abs / 86400) + " d";
    return (seconds >= 0 ? text + " ago" : "in " + text) + " (" + date.toISOString().replace("T", " ").slice(0, 16) + " UTC)";
  }

  function size(bytes) {
    if (bytes === undefined || bytes === null) return "-";
    const units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
    return (unit === 0 ? value : value.toFixed(1)) + " " + units[unit];
  }

  function sparkline(sizes) {
    const svgNs = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(svgNs, "svg");
    svg.setAttribute("class", "spark");
    svg.setAttribute("viewBox", "0 0 100 36");
    svg.setAttribute("preserveAspectRatio", "none");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "stored size of the last " + sizes.length + " backups");
    if (sizes.length > 1) {
      const max = Math.max(...sizes);
      const min = Math.min(...sizes);
      const points = sizes.map((s, i) => (i * 100 / (sizes.length - 1)).toFixed(1) + "," + (max === min ? 18 : 33 - (s - min) * 30 / (max - min)).toFixed(1));
      const line = document.createElementNS(svgNs, "polyline");
      line.setAttribute("points", points.join(" "));
      svg.append(line);
    }
    return svg;
  }

  function card(target, sizes) {
    const facts = [
      ["Engine", target.engine || "-"],
      ["Last success", when(target.lastSuccessUtc)],
      ["Size", size(target.lastStoredSize) + (target.lastRawSize ? " (raw " + size(target.lastRawSize) + ")" : "")],
      ["Next run", target.nextRunUtc ? when(target.nextRunUtc) : "not scheduled"],
      ["Backups", target.succeededTotal + " ok, " + target.failedTotal + " failed"],
    ];
    if (target.running) facts.unshift(["Running", size(target.running.bytes) + " so far"]);
    const dl = el("dl", {}, facts.flatMap(([k, v]) => [el("dt", {}, [k]), el("dd", {}, [v])]));
    const badges = [el("span", { class: "badge " + target.state, "data-state": target.state }, [target.state])];
    if (target.running && target.state !== "running") badges.unshift(el("span", { class: "badge running" }, ["running"]));
    const children = [el("h3", {}, [target.name, el("span", { class: "badges" }, badges)]), dl];
    if (target.state === "failing" && target.lastFailureReason) children.push(el("div", { class: "reason" }, [target.lastFailureReason]));
    if (target.state === "invalid" && target.problems.length) children.push(el("div", { class: "reason" }, [target.problems.join("; ")]));
    children.push(sparkline(sizes));
    return el("article", { class: "card target", "data-target": target.name }, children);
  }

  async function refresh() {
    try {
      const status = await getJson("/status");
      const backups = await getJson("/backups?limit=1000");
      const sizes = {};
      backups.slice().reverse().forEach((b) => { (sizes[b.manifest.target] = sizes[b.manifest.target] || []).push(b.manifest.storedSize); });
      $("targets").replaceChildren(...status.targets.map((t) => card(t, (sizes[t.name] || []).slice(-20))));
      const health = status.daemon.healthy ? "healthy" : "unhealthy";
      $("health").textContent = health;
      $("health").className = "badge " + health;
      $("health").title = status.daemon.problems.join("\n");
      const failing = status.targets.filter((t) => t.lastFailureUtc).sort((a, b) => b.lastFailureUtc.localeCompare(a.lastFailureUtc));
      $("failures").replaceChildren(...(failing.length ? failing.map((t) => el("li", {}, [el("strong", {}, [t.name]), " " + when(t.lastFailureUtc) + ": " + (t.lastFailureReason || "")])) : [el("li", { class: "muted" }, ["none"])]));
      $("message").textContent = status.targets.length ? "" : "No labelled containers yet.";
      $("message").hidden = status.targets.length > 0;
      $("token-form").hidden = true;
      $("updated").textContent = "updated " + new Date().toISOString().slice(11, 19) + " UTC";
    } catch (error) {
      if (error.message === "unauthorized") {
        $("message").textContent = "This Baktainer needs its API token (BT_API_TOKEN).";
        $("token-form").hidden = false;
      } else {
        $("message").textContent = "Cannot reach Baktainer: " + error.message;
      }
      $("message").hidden = false;
    }
  }

  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(tokenKey, $("token").value);
    refresh();
  });
  refresh();
  setInterval(refresh, refreshMs);
})();
