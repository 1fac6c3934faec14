/* Dalil — the citizen's chat page.
 *
 * Vanilla ES2020, no framework, no build step, nothing from another origin. The Content-Security-Policy
 * allows only 'self': no inline script or style, and no innerHTML anywhere — every piece of text
 * (answers, questions, titles, API reasons) reaches the page as a text node.
 */
"use strict";

(() => {
  const MAX_LEN = 2000;
  const WARN_LEN = 1800;
  const REQUEST_TIMEOUT_MS = 60000;
  const MAX_RECORDING_S = 60;
  const STORAGE_KEY = "dalil.uiLang";

  // Interface texts. Texts inside an answer (sources, feedback, options) follow the answer's own
  // language so that a bubble never mixes directions; Darija answers use the Arabic labels.
  const TEXTS = {
    fr: {
      title: "Dalil — vos démarches administratives",
      skip: "Aller à la question",
      uiLanguage: "Langue de l'interface",
      introTitle: "Vos démarches administratives, simplement",
      introText:
        "Posez votre question en français, en arabe ou en darija, par écrit ou à voix haute. Dalil indique " +
        "les documents, les étapes, les frais connus et le lien officiel.",
      examplesLabel: "Exemples :",
      examples: ["Renouveler ma carte d'identité (CNIE)", "Extrait d'acte de naissance", "كيفاش نجدد الباسبور؟"],
      conversation: "Conversation",
      inputLabel: "Votre question",
      placeholder: "Votre question…",
      send: "Envoyer la question",
      micStart: "Poser la question à voix haute",
      micStop: "Arrêter l'enregistrement et l'envoyer",
      you: "Vous :",
      youSaid: "Vous (message vocal) :",
      dalil: "Dalil :",
      thinking: "Dalil cherche la réponse…",
      voiceSending: "Dalil écoute votre message…",
      answerFrom: "Réponse de Dalil :",
      emptyQuestion: "Écrivez votre question avant de l'envoyer.",
      busy: "Un instant : Dalil répond encore à la question précédente.",
      counter: "{n} / 2000 caractères",
      recording: "Enregistrement… {s} s. Touchez le bouton carré pour envoyer, Échap pour annuler.",
      recordingCancelled: "Enregistrement annulé.",
      micInsecure:
        "Le micro ne fonctionne que sur une connexion sécurisée (https). Écrivez votre question, ou ouvrez Dalil " +
        "à son adresse https.",
      micUnsupported: "Ce navigateur ne permet pas d'enregistrer la voix. Écrivez votre question.",
      micDenied:
        "Dalil n'a pas accès au micro. Autorisez le micro pour ce site dans les réglages du navigateur, " +
        "ou écrivez votre question.",
      micNoDevice: "Aucun micro n'a été trouvé sur cet appareil. Écrivez votre question.",
      micBusy: "Le micro est utilisé par une autre application. Fermez-la ou écrivez votre question.",
      voiceUnavailable:
        "Les questions vocales ne sont pas encore disponibles sur ce service. Écrivez votre question, " +
        "Dalil y répondra de la même façon.",
      voiceEmpty: "L'enregistrement est vide. Réessayez en parlant près du micro.",
      voiceTooShort: "L'enregistrement est trop court. Gardez le bouton actif le temps de poser votre question.",
      errNetwork: "Impossible de joindre Dalil. Vérifiez votre connexion, puis réessayez.",
      errTimeout: "Dalil met trop de temps à répondre. Réessayez dans un instant.",
      errServer: "Dalil rencontre un problème technique. Réessayez dans un instant.",
      errRequest: "Désolé, Dalil n'a pas pu traiter ce message. Raison : ",
      errRequestGeneric: "Désolé, Dalil n'a pas pu traiter ce message.",
      errTooMany: "Vous envoyez beaucoup de messages. Attendez une minute, puis reposez votre question.",
    },
    ar: {
      title: "دليل — مساطرك الإدارية",
      skip: "انتقل إلى السؤال",
      uiLanguage: "لغة الواجهة",
      introTitle: "مساطرك الإدارية، بكل بساطة",
      introText:
        "اطرح سؤالك بالعربية أو بالدارجة أو بالفرنسية، كتابة أو بالصوت. يدلك دليل على الوثائق والخطوات " +
        "والرسوم المعروفة والرابط الرسمي.",
      examplesLabel: "أمثلة:",
      examples: ["كيفاش نجدد البطاقة الوطنية؟", "عقد الازدياد", "Renouveler mon passeport"],
      conversation: "المحادثة",
      inputLabel: "سؤالك",
      placeholder: "سؤالك…",
      send: "إرسال السؤال",
      micStart: "اطرح السؤال بالصوت",
      micStop: "إيقاف التسجيل وإرساله",
      you: "أنت:",
      youSaid: "أنت (رسالة صوتية):",
      dalil: "دليل:",
      thinking: "دليل يبحث عن الجواب…",
      voiceSending: "دليل يستمع إلى رسالتك…",
      answerFrom: "جواب دليل:",
      emptyQuestion: "اكتب سؤالك قبل الإرسال.",
      busy: "لحظة من فضلك: دليل ما زال يجيب عن السؤال السابق.",
      counter: "{n} / 2000 حرف",
      recording: "جار التسجيل… {s} ث. اضغط على الزر المربع للإرسال، أو Échap للإلغاء.",
      recordingCancelled: "تم إلغاء التسجيل.",
      micInsecure: "لا يعمل الميكروفون إلا عبر اتصال آمن (https). اكتب سؤالك أو افتح دليل عبر عنوانه https.",
      micUnsupported: "هذا المتصفح لا يسمح بتسجيل الصوت. اكتب سؤالك.",
      micDenied: "لا يملك دليل إذنا باستعمال الميكروفون. اسمح به لهذا الموقع في إعدادات المتصفح، أو اكتب سؤالك.",
      micNoDevice: "لم يتم العثور على ميكروفون في هذا الجهاز. اكتب سؤالك.",
      micBusy: "الميكروفون مستعمل من طرف تطبيق آخر. أغلقه أو اكتب سؤالك.",
      voiceUnavailable: "الأسئلة الصوتية غير متاحة بعد في هذه الخدمة. اكتب سؤالك وسيجيبك دليل بالطريقة نفسها.",
      voiceEmpty: "التسجيل فارغ. حاول مرة أخرى وتحدث قرب الميكروفون.",
      voiceTooShort: "التسجيل قصير جدا. أبق التسجيل مفعلا طوال مدة سؤالك.",
      errNetwork: "تعذر الاتصال بدليل. تحقق من اتصالك ثم حاول مرة أخرى.",
      errTimeout: "استغرق دليل وقتا طويلا للإجابة. حاول مرة أخرى بعد لحظات.",
      errServer: "يواجه دليل مشكلا تقنيا. حاول مرة أخرى بعد لحظات.",
      errRequest: "عذرا، تعذر على دليل معالجة هذه الرسالة. السبب: ",
      errRequestGeneric: "عذرا، تعذر على دليل معالجة هذه الرسالة.",
      errTooMany: "أرسلت رسائل كثيرة. انتظر دقيقة ثم أعد طرح سؤالك.",
    },
  };

  // Texts inside an answer bubble, in the answer's language.
  const ANSWER_TEXTS = {
    fr: {
      sources: "Sources officielles",
      officialSite: "Site officiel",
      verified: "vérifié le",
      newTab: " (s'ouvre dans un nouvel onglet)",
      options: "Choisissez la démarche qui vous concerne",
      startWith: "Par exemple :",
      chosenLoop: "Page officielle de la démarche choisie :",
      helpful: "Cette réponse vous a-t-elle aidé ?",
      yes: "Oui",
      no: "Non",
      commentLabel: "Qu'est-ce qui n'allait pas ? (facultatif)",
      sendFeedback: "Envoyer mon avis",
      thanks: "Merci, votre avis a été enregistré.",
      already: "Votre avis est déjà enregistré. Merci !",
      frenchLabel: "Français : afficher cette réponse en français",
      transcript: "Transcription",
      details: "Détails",
      detailsRegion: "Fiche complète de la démarche",

      confirmLabel: "Ce que Dalil a compris (corrigez si besoin)",
      confirmSend: "Oui, répondre à cette question",
    },
    ar: {
      sources: "المصادر الرسمية",
      officialSite: "الموقع الرسمي",
      verified: "تم التحقق في",
      newTab: " (يفتح في علامة تبويب جديدة)",
      options: "اختر المسطرة التي تعنيك",
      startWith: "مثلا:",
      chosenLoop: "الصفحة الرسمية للمسطرة المختارة:",
      helpful: "هل أفادك هذا الجواب؟",
      yes: "نعم",
      no: "لا",
      commentLabel: "ما الذي لم يكن مناسبا؟ (اختياري)",
      sendFeedback: "إرسال رأيي",
      thanks: "شكرا، تم تسجيل رأيك.",
      already: "رأيك مسجل من قبل. شكرا!",
      frenchLabel: "Français : اعرض هذا الجواب بالفرنسية",
      transcript: "النص المفرغ",
      details: "التفاصيل",
      detailsRegion: "البطاقة الكاملة للمسطرة",

      confirmLabel: "ما فهمه دليل (صححه إذا لزم الأمر)",
      confirmSend: "نعم، أجب عن هذا السؤال",
    },
  };

  const state = {
    ui: "fr",
    sessionId: null,
    busy: false,
    voice: "unknown", // "unknown" | "available" | "missing" (POST /api/voice answered 404/405)
    recording: null, // {recorder, stream, cancelled, timer, limit, started}
  };

  const $ = (selector) => document.querySelector(selector);
  const els = {};

  // ---------------------------------------------------------------------------------------------
  // Small helpers
  // ---------------------------------------------------------------------------------------------

  function t(key, vars) {
    let value = TEXTS[state.ui][key];
    if (value === undefined) value = TEXTS.fr[key];
    if (vars) for (const [k, v] of Object.entries(vars)) value = value.replace(`{${k}}`, String(v));
    return value;
  }

  const answerLang = (language) => (language === "fr" ? "fr" : "ar");
  const at = (lang, key) => ANSWER_TEXTS[lang][key];

  /** createElement with attributes; children are nodes or strings (always inserted as text). */
  function h(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of [].concat(children === undefined ? [] : children)) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;
  const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;

  /** Direction of a citizen's text: the script most of its letters are written in. */
  function textDir(text) {
    const arabic = (String(text).match(ARABIC_LETTER) || []).length;
    const latin = (String(text).match(LATIN_LETTER) || []).length;
    return arabic > latin ? "rtl" : "ltr";
  }

  function safeHttpUrl(raw) {
    try {
      const url = new URL(String(raw).trim());
      return url.protocol === "http:" || url.protocol === "https:" ? url : null;
    } catch {
      return null;
    }
  }

  function reducedMotion() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  function scrollToNode(node, block) {
    if (!node || !node.scrollIntoView) return;
    node.scrollIntoView({ block, behavior: reducedMotion() ? "auto" : "smooth" });
  }

  // ---------------------------------------------------------------------------------------------
  // A tiny, safe Markdown renderer: headings, paragraphs, **bold**, _italic_, `code`, lists and
  // http(s) links (also bare URLs). It builds DOM nodes; no text is ever parsed as HTML.
  // ---------------------------------------------------------------------------------------------

  function externalLink(href, label, lang, className) {
    const url = safeHttpUrl(href);
    if (!url) return document.createTextNode(label);
    return h("a", { href: url.href, target: "_blank", rel: "noopener noreferrer", class: className }, [
      label,
      h("span", { class: "sr-only", text: at(lang, "newTab") }),
    ]);
  }

  const INLINE = {
    bold: /\*\*(?=\S)([^\n]*?\S)\*\*/y,
    link: /\[([^\]\n]+)\]\(\s*([^\s()]+(?:\([^\s()]*\)[^\s()]*)*)\s*\)/y,
    url: /https?:\/\/[^\s<>"'«»]+/iy,
    em: /([_*])(?=\S)([^\n]*?\S)\1(?![A-Za-z0-9\u00C0-\u024F\u0600-\u06FF])/y,
    code: /`([^`\n]+)`/y,
  };
  const WORD_CHAR = /[A-Za-z0-9\u00C0-\u024F\u0600-\u06FF]/;

  function appendInline(parent, text, lang) {
    let buffer = "";
    const flush = () => {
      if (buffer) parent.append(document.createTextNode(buffer));
      buffer = "";
    };
    const match = (re, i) => {
      re.lastIndex = i;
      return re.exec(text);
    };
    let i = 0;
    while (i < text.length) {
      const ch = text[i];
      const prevIsWord = i > 0 && WORD_CHAR.test(text[i - 1]);
      let m;
      if (ch === "*" && text[i + 1] === "*" && (m = match(INLINE.bold, i))) {
        flush();
        const strong = h("strong");
        appendInline(strong, m[1], lang);
        parent.append(strong);
        i += m[0].length;
      } else if (ch === "[" && (m = match(INLINE.link, i))) {
        flush();
        parent.append(externalLink(m[2], m[1], lang));
        i += m[0].length;
      } else if ((ch === "h" || ch === "H") && !prevIsWord && (m = match(INLINE.url, i))) {
        // A bare URL; trailing punctuation belongs to the sentence, not to the address.
        const url = m[0].replace(/[.,;:!?)\]»]+$/, "");
        flush();
        parent.append(externalLink(url, url, lang, "bare-url"));
        i += url.length;
      } else if ((ch === "_" || ch === "*") && !prevIsWord && (m = match(INLINE.em, i))) {
        flush();
        const em = h("em");
        appendInline(em, m[2], lang);
        parent.append(em);
        i += m[0].length;
      } else if (ch === "`" && (m = match(INLINE.code, i))) {
        flush();
        parent.append(h("code", { text: m[1] }));
        i += m[0].length;
      } else {
        buffer += ch;
        i += 1;
      }
    }
    flush();
  }

  function renderMarkdown(source, lang) {
    const root = document.createDocumentFragment();
    const lines = String(source || "").replace(/\r\n?/g, "\n").split("\n");
    let paragraph = null;
    let list = null;
    let item = null;
    for (const raw of lines) {
      const line = raw.replace(/\s+$/, "");
      if (!line.trim()) {
        paragraph = list = item = null;
        continue;
      }
      let m;
      if ((m = /^ {0,3}(#{1,6})\s+(.+?)\s*#*$/.exec(line))) {
        paragraph = list = item = null;
        const heading = h(m[1].length <= 3 ? "h3" : "h4");
        appendInline(heading, m[2], lang);
        root.append(heading);
      } else if (/^ {0,3}([-*_])(\s*\1){2,}$/.test(line)) {
        paragraph = list = item = null;
        root.append(h("hr"));
      } else if ((m = /^\s*[-*+•]\s+(.*)$/.exec(line)) || (m = /^\s*(\d{1,9})[.)]\s+(.*)$/.exec(line))) {
        const ordered = m.length === 3;
        const tag = ordered ? "OL" : "UL";
        paragraph = null;
        if (!list || list.tagName !== tag) {
          list = h(tag.toLowerCase());
          if (ordered && m[1] !== "1") list.setAttribute("start", m[1]);
          root.append(list);
        }
        item = h("li");
        appendInline(item, ordered ? m[2] : m[1], lang);
        list.append(item);
      } else if (item && /^\s{2,}\S/.test(raw)) {
        item.append(" ");
        appendInline(item, line.trim(), lang);
      } else {
        list = item = null;
        if (paragraph) paragraph.append(h("br"));
        else root.append((paragraph = h("p")));
        appendInline(paragraph, line.trim(), lang);
      }
    }
    return root;
  }

  // ---------------------------------------------------------------------------------------------
  // The API
  // ---------------------------------------------------------------------------------------------

  async function request(url, options) {
    const { json, form, method = "POST", timeout = REQUEST_TIMEOUT_MS } = options || {};
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    const init = {
      method,
      signal: controller.signal,
      credentials: "same-origin",
      // The interface language: the server writes its refusals (e.g. "too many messages") in it.
      headers: { accept: "application/json", "accept-language": state.ui },
    };
    if (json !== undefined) {
      init.headers["content-type"] = "application/json";
      init.body = JSON.stringify(json);
    } else if (form !== undefined) {
      init.body = form; // the browser sets the multipart boundary
    }
    try {
      const response = await fetch(url, init);
      let data = null;
      try {
        data = await response.json();
      } catch {
        data = null;
      }
      return { ok: response.ok, status: response.status, data };
    } catch (err) {
      return { ok: false, status: 0, data: null, timeout: Boolean(err && err.name === "AbortError") };
    } finally {
      clearTimeout(timer);
    }
  }

  /** FastAPI's `detail` is a string here, but may be a list of errors from other handlers. */
  function detailOf(data) {
    if (!data || data.detail === undefined || data.detail === null) return "";
    if (typeof data.detail === "string") return data.detail;
    if (Array.isArray(data.detail)) return data.detail.map((d) => (d && d.msg) || "").filter(Boolean).join("; ");
    return "";
  }

  /** A polite sentence (in the interface language) for a failed request, with the API's reason. */
  function failureMessage(result) {
    if (result.status === 0) return { text: t(result.timeout ? "errTimeout" : "errNetwork") };
    if (result.status >= 500) return { text: t("errServer") };
    const detail = detailOf(result.data);
    // Too many messages: the server's sentence is already polite and in the interface language.
    if (result.status === 429) return { text: detail || t("errTooMany") };
    return detail ? { text: t("errRequest"), detail } : { text: t("errRequestGeneric") };
  }

  function failureNode(result, className) {
    const { text, detail } = failureMessage(result);
    // <bdi>: the reason (often English) must not reorder an Arabic sentence around it.
    return h("p", { class: className }, [text, detail ? h("bdi", { text: detail }) : null]);
  }

  const verifiedCache = new Map();

  function verifiedOn(procedureId) {
    if (!verifiedCache.has(procedureId)) {
      const pending = request(`/api/procedures/${encodeURIComponent(procedureId)}`, { method: "GET" }).then((r) => {
        const date = r.ok && r.data && r.data.verified_on;
        if (typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
        verifiedCache.delete(procedureId); // try again next time (e.g. the network came back)
        return null;
      });
      verifiedCache.set(procedureId, pending);
    }
    return verifiedCache.get(procedureId);
  }

  /** The one "vérifié le YYYY-MM-DD" of a card answer belongs to its main procedure (sources[0]). */
  function verifiedInAnswer(markdown) {
    const found = String(markdown).match(/(?:vérifié le|تم التحقق في)\s*:?\s*(\d{4}-\d{2}-\d{2})/g) || [];
    return found.length === 1 ? found[0].slice(-10) : null;
  }

  function formatDate(iso, lang) {
    try {
      const locale = lang === "fr" ? "fr-MA" : "ar-MA";
      const format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
      return format.format(new Date(`${iso}T00:00:00Z`));
    } catch {
      return iso;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Messages
  // ---------------------------------------------------------------------------------------------

  function hideIntro() {
    if (els.intro && !els.intro.hidden) els.intro.hidden = true; // room for the conversation on a phone
  }

  function addUserMessage(text, opts) {
    const { voice = false } = opts || {};
    hideIntro();
    const dir = textDir(text);
    const lang = dir === "rtl" ? "ar" : null;
    const message = h("article", { class: `msg msg--user${voice ? " msg--voice" : ""}`, dir, lang }, [
      h("span", { class: "sr-only", text: `${t(voice ? "youSaid" : "you")} ` }),
      voice ? micBadge() : null,
      h("p", { class: "msg-text", text }),
    ]);
    els.messages.append(message);
    return message;
  }

  function micBadge() {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "voice-badge");
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute("d", els.micPath);
    svg.append(path);
    return svg;
  }

  function addPending(key) {
    const pending = h("div", { class: "msg msg--bot msg--pending", "aria-hidden": "true" }, [
      h("span", { class: "dots" }, [h("span"), h("span"), h("span")]),
      h("span", { class: "pending-text", text: t(key) }),
    ]);
    els.messages.append(pending);
    announce(t(key), state.ui);
    scrollToNode(pending, "end");
    return pending;
  }

  function addErrorMessage(result) {
    const dir = state.ui === "ar" ? "rtl" : "ltr";
    const message = h("article", { class: "msg msg--bot msg--error", lang: state.ui, dir }, [
      h("span", { class: "sr-only", text: `${t("dalil")} ` }),
      failureNode(result, "msg-text"),
    ]);
    els.messages.append(message);
    announce(message.textContent, state.ui);
    scrollToNode(message, "end");
  }

  function announce(text, lang) {
    // Clear first so that the same text twice is announced twice.
    els.live.textContent = "";
    els.live.setAttribute("lang", lang);
    window.setTimeout(() => {
      els.live.textContent = text;
    }, 60);
  }

  /** The composer's status line (mic explanations, validation); `vars` fill the text's {placeholders}. */
  function sayStatus(key, vars) {
    els.status.textContent = t(key, vars);
    els.status.dataset.key = key;
  }

  function clearStatus() {
    els.status.textContent = "";
    delete els.status.dataset.key;
  }

  /** An answer bubble: Markdown, option buttons, source cards, "Français" and feedback. */
  function renderAnswer(data, context) {
    const lang = answerLang(data.language);
    const dir = lang === "fr" ? "ltr" : "rtl";
    const message = h("article", {
      class: `msg msg--bot msg--${data.status}`,
      lang,
      dir,
      "data-language": data.language,
      "data-status": data.status,
      "data-answer-id": data.answer_id,
    });
    message.append(h("span", { class: "sr-only", text: lang === "fr" ? "Dalil : " : "دليل: " }));
    const body = h("div", { class: "md" });
    body.append(renderMarkdown(data.answer, lang));
    message.append(body);
    const details = typeof data.details === "string" ? data.details.trim() : "";
    if (data.status === "answered" && details) message.append(renderDetails(details, lang));

    const options = Array.isArray(data.options) ? data.options : [];
    const sources = Array.isArray(data.sources) ? data.sources : [];
    if (data.status === "social" && options.length) {
      // A greeting or "what can you do": a few procedures to start from, as buttons; no sources.
      message.append(renderOptions(options, lang, "startWith"));
    } else if (data.status === "clarification" && options.length) {
      dropListedOptions(body, options);
      message.append(renderOptions(options, lang));
      // The backend may ask again after an option was chosen: show the chosen procedure's official page
      // so the citizen is never stuck in a loop without the link.
      const chosen = context && context.optionId;
      if (chosen && options[0] && options[0].id === chosen) {
        const own = sources.filter((s) => s.id === chosen);
        if (own.length) message.append(renderSources(own, lang, null, at(lang, "chosenLoop")));
      }
    } else if (sources.length) {
      message.append(renderSources(sources, lang, verifiedInAnswer(data.details || data.answer)));
    }
    if (data.confirm === true && context && context.question) {
      message.append(renderConfirm(context.question, lang));
    } else if (data.language === "darija" && context && context.question) {
      message.append(renderFrenchButton(context.question));
    }
    if (data.answer_id && data.session_id) message.append(renderFeedback(data, lang));
    els.messages.append(message);

    // Announce the answer's opening words (the heading and first paragraph), not the whole card.
    const blocks = Array.from(body.children).slice(0, 2).map((b) => b.textContent.trim());
    let summary = blocks.join(" — ");
    if (summary.length > 240) summary = `${summary.slice(0, 237)}…`;
    announce(`${t("answerFrom")} ${summary}`, lang);
    return message;
  }

  /** The short answer comes first; the full card is one tap away: a disclosure button (aria-expanded,
   *  aria-controls) over a region that stays out of the page, and of screen readers, until opened. */
  function renderDetails(markdown, lang) {
    const id = `details-${Math.random().toString(36).slice(2, 10)}`;
    const region = h("div", { class: "details md", id, role: "region", "aria-label": at(lang, "detailsRegion") });
    region.append(renderMarkdown(markdown, lang));
    region.hidden = true;
    const button = h("button", {
      type: "button",
      class: "details-btn",
      "aria-expanded": "false",
      "aria-controls": id,
      text: at(lang, "details"),
    });
    button.addEventListener("click", () => {
      const open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      region.hidden = !open;
      if (open) scrollToNode(region, "nearest");
    });
    return h("div", { class: "details-wrap" }, [button, region]);
  }

  /** The Markdown of a clarification lists the options as links (for channels without buttons). On a
   *  phone the buttons say the same thing in less room, and a link would leave the conversation. */
  function dropListedOptions(body, options) {
    const titles = new Set(options.map((o) => String(o.title).trim()));
    for (const item of body.querySelectorAll("li")) {
      const link = item.firstElementChild;
      const onlyLink = item.childNodes.length === 1 && link && link.tagName === "A";
      if (onlyLink && link.firstChild && titles.has(link.firstChild.textContent.trim())) item.remove();
    }
    for (const list of body.querySelectorAll("ul, ol")) if (!list.children.length) list.remove();
  }

  function renderOptions(options, lang, label) {
    const labelId = `opt-${Math.random().toString(36).slice(2, 10)}`;
    const group = h("div", { class: "options", role: "group", "aria-labelledby": labelId }, [
      h("p", { class: "options-label", id: labelId, text: at(lang, label || "options") }),
    ]);
    for (const option of options) {
      const button = h("button", {
        type: "button",
        class: "option",
        "data-option-id": option.id,
        dir: textDir(option.title),
        text: option.title,
      });
      button.addEventListener("click", () => {
        if (state.busy || group.dataset.used) return;
        group.dataset.used = "1";
        for (const b of group.querySelectorAll("button")) b.setAttribute("aria-disabled", "true");
        button.setAttribute("aria-pressed", "true");
        // The backend retrieves a message equal to a procedure title; the same session continues.
        ask(option.title, { optionId: option.id });
      });
      group.append(button);
    }
    return group;
  }

  function renderSources(sources, lang, mainVerified, heading) {
    const section = h("section", { class: "sources" });
    const titleId = `src-${Math.random().toString(36).slice(2, 10)}`;
    section.setAttribute("aria-labelledby", titleId);
    section.append(h("h4", { class: "sources-title", id: titleId, text: heading || at(lang, "sources") }));
    const list = h("ul", { class: "source-list" });
    sources.forEach((source, index) => {
      const url = safeHttpUrl(source.url);
      const card = h("li", { class: "source-card", "data-procedure-id": source.id }, [
        h("p", { class: "source-title", dir: textDir(source.title), text: source.title }),
      ]);
      if (url) {
        const host = url.hostname.replace(/^www\./, "");
        const link = h("a", { class: "source-link", href: url.href, target: "_blank", rel: "noopener noreferrer" }, [
          `${at(lang, "officialSite")} · `,
          h("bdi", {}, [host, h("span", { class: "ext", "aria-hidden": "true", text: " ↗" })]),
          h("span", { class: "sr-only", text: at(lang, "newTab") }),
        ]);
        card.append(link);
      }
      const verified = h("p", { class: "source-verified" });
      card.append(verified);
      const fill = (iso) => {
        if (!iso) return;
        verified.append(`${at(lang, "verified")} `, h("time", { datetime: iso, text: formatDate(iso, lang) }));
        card.dataset.verifiedOn = iso;
      };
      if (index === 0 && mainVerified) fill(mainVerified);
      else verifiedOn(source.id).then(fill);
      list.append(card);
    });
    section.append(list);
    return section;
  }

  function renderFrenchButton(question) {
    const button = h("button", {
      type: "button",
      class: "french-btn",
      lang: "fr",
      dir: "ltr",
      "aria-label": at("ar", "frenchLabel"),
      text: "Français",
    });
    button.addEventListener("click", () => {
      if (state.busy) return;
      // The only case where Dalil sends a language: the citizen explicitly asked for French.
      ask(question, { display: "Français", lang: "fr" });
    });
    return h("p", { class: "french-row" }, [button]);
  }

  /** "Did I hear you right?": what was heard, editable; "Yes" sends it as a typed question. */
  function renderConfirm(heard, lang) {
    const id = `heard-${Math.random().toString(36).slice(2, 10)}`;
    const field = h("textarea", { id, class: "confirm-input", rows: "2", maxlength: String(MAX_LEN), dir: "auto" });
    field.value = heard;
    const send = h("button", { type: "submit", class: "confirm-send", text: at(lang, "confirmSend") });
    const form = h("form", { class: "confirm", novalidate: true }, [
      h("label", { for: id, text: at(lang, "confirmLabel") }),
      field,
      send,
    ]);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const text = field.value.trim();
      if (!text) {
        sayStatus("emptyQuestion");
        field.focus();
        return;
      }
      if (state.busy) {
        sayStatus("busy");
        return;
      }
      if (await ask(text.slice(0, MAX_LEN))) form.classList.add("is-done");
    });
    return form;
  }

  const THUMB = "M2 21h4V9H2v12Zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3a1.5 1.5 0 0 0-.5-1L13.2 1 7.6 6.6A2 2 0 0 0 7 8v11a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1.2-.7v-2Z";

  function thumb(down) {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "20");
    svg.setAttribute("height", "20");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", down ? "thumb thumb--down" : "thumb");
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute("d", THUMB);
    svg.append(path);
    return svg;
  }

  function renderFeedback(data, lang) {
    const uid = Math.random().toString(36).slice(2, 10);
    const question = h("p", { class: "feedback-q", id: `fbq-${uid}`, text: at(lang, "helpful") });
    const yes = h("button", { type: "button", class: "fb-btn", "data-rating": "1", "aria-pressed": "false" }, [
      thumb(false),
      h("span", { text: at(lang, "yes") }),
    ]);
    const no = h("button", { type: "button", class: "fb-btn", "data-rating": "-1", "aria-pressed": "false" }, [
      thumb(true),
      h("span", { text: at(lang, "no") }),
    ]);
    const buttons = h("div", { class: "fb-buttons", role: "group", "aria-labelledby": `fbq-${uid}` }, [yes, no]);
    const commentId = `fbc-${uid}`;
    const comment = h("textarea", {
      id: commentId,
      class: "fb-comment-input",
      rows: "2",
      maxlength: "1000",
      dir: "auto",
    });
    const commentForm = h("form", { class: "fb-comment", hidden: true, novalidate: true }, [
      h("label", { for: commentId, text: at(lang, "commentLabel") }),
      comment,
      h("button", { type: "submit", class: "fb-send", text: at(lang, "sendFeedback") }),
    ]);
    const status = h("p", { class: "fb-status", role: "status" });
    const box = h("div", { class: "feedback" }, [question, buttons, commentForm, status]);
    let sent = false;
    let sending = false;

    async function send(rating, text) {
      if (sent || sending) return;
      sending = true;
      const payload = { session_id: data.session_id, answer_id: data.answer_id, rating };
      if (text) payload.comment = text;
      const result = await request("/api/feedback", { json: payload });
      sending = false;
      status.textContent = "";
      if (result.ok) {
        sent = true;
        box.dataset.sent = String(rating);
        commentForm.hidden = true;
        (rating === 1 ? yes : no).setAttribute("aria-pressed", "true");
        // Buttons stay focusable (disabling would drop the keyboard focus on <body>).
        yes.setAttribute("aria-disabled", "true");
        no.setAttribute("aria-disabled", "true");
        status.textContent = at(lang, "thanks");
        if (document.activeElement === comment || commentForm.contains(document.activeElement)) {
          (rating === 1 ? yes : no).focus();
        }
      } else {
        status.append(failureNode(result, "fb-error"));
      }
    }

    yes.addEventListener("click", () => {
      if (sent) status.textContent = at(lang, "already");
      else send(1);
    });
    no.addEventListener("click", () => {
      if (sent) {
        status.textContent = at(lang, "already");
        return;
      }
      no.setAttribute("aria-expanded", "true");
      commentForm.hidden = false;
      comment.focus();
      scrollToNode(commentForm, "nearest");
    });
    no.setAttribute("aria-expanded", "false");
    no.setAttribute("aria-controls", commentId);
    commentForm.addEventListener("submit", (event) => {
      event.preventDefault();
      send(-1, comment.value.trim());
    });
    comment.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        send(-1, comment.value.trim());
      }
    });
    return box;
  }

  // ---------------------------------------------------------------------------------------------
  // Asking
  // ---------------------------------------------------------------------------------------------

  function setBusy(busy) {
    state.busy = busy;
    els.send.setAttribute("aria-disabled", busy ? "true" : "false");
    els.composer.classList.toggle("is-busy", busy);
  }

  /** Send a question; `display` is what the citizen sees as their message (e.g. "Français"). */
  async function ask(message, opts) {
    const { display = message, lang = null, optionId = null } = opts || {};
    if (state.busy) {
      sayStatus("busy");
      return false;
    }
    clearStatus();
    setBusy(true);
    const mine = addUserMessage(display);
    const pending = addPending("thinking");
    const result = await request("/api/chat", { json: { message, session_id: state.sessionId, lang } });
    pending.remove();
    setBusy(false);
    if (result.ok && result.data && result.data.answer !== undefined) {
      state.sessionId = result.data.session_id || state.sessionId;
      renderAnswer(result.data, { question: message, optionId });
      scrollToNode(mine, "start");
      return true;
    }
    addErrorMessage(result);
    return false;
  }

  async function submitQuestion() {
    const text = els.input.value.trim();
    if (!text) {
      sayStatus("emptyQuestion");
      els.input.focus();
      return;
    }
    if (state.busy) {
      sayStatus("busy");
      return;
    }
    els.input.value = "";
    autosize();
    const ok = await ask(text.slice(0, MAX_LEN));
    // Give the question back on failure so the citizen can send it again without retyping it.
    if (!ok && !els.input.value) {
      els.input.value = text;
      autosize();
    }
  }

  function autosize() {
    const input = els.input;
    input.rows = 1;
    const style = window.getComputedStyle(input);
    const line = parseFloat(style.lineHeight) || 24;
    const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    const rows = Math.round((input.scrollHeight - padding) / line);
    input.rows = Math.max(1, Math.min(5, rows));
    const length = input.value.length;
    if (length >= WARN_LEN) sayStatus("counter", { n: length });
    else if (els.status.dataset.key === "counter" || els.status.dataset.key === "emptyQuestion") clearStatus();
  }

  // ---------------------------------------------------------------------------------------------
  // Voice: MediaRecorder -> POST /api/voice (multipart: audio, session_id, lang)
  // ---------------------------------------------------------------------------------------------

  /** Ask the server whether /api/voice exists before asking the citizen for the microphone. */
  async function probeVoice() {
    const result = await request("/api/voice", { form: new FormData(), timeout: 10000 });
    if (result.status === 404 || result.status === 405) state.voice = "missing";
    else if (result.status !== 0) state.voice = "available";
    return result;
  }

  function pickMimeType() {
    const candidates = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4", "audio/webm"];
    if (typeof MediaRecorder.isTypeSupported !== "function") return "";
    return candidates.find((type) => MediaRecorder.isTypeSupported(type)) || "";
  }

  function extensionFor(type) {
    if (type.includes("ogg")) return "ogg";
    if (type.includes("mp4") || type.includes("aac")) return "m4a";
    return "webm";
  }

  function setMicUi(recording) {
    els.mic.setAttribute("aria-pressed", recording ? "true" : "false");
    els.mic.setAttribute("aria-label", t(recording ? "micStop" : "micStart"));
    els.mic.classList.toggle("is-recording", recording);
  }

  async function onMic() {
    if (state.recording) {
      state.recording.recorder.stop();
      return;
    }
    if (state.busy) {
      sayStatus("busy");
      return;
    }
    if (!window.isSecureContext) {
      sayStatus("micInsecure");
      return;
    }
    const media = navigator.mediaDevices;
    if (!media || !media.getUserMedia || typeof window.MediaRecorder === "undefined") {
      sayStatus("micUnsupported");
      return;
    }
    if (state.voice !== "available") {
      const probe = await probeVoice();
      if (state.voice === "missing") {
        sayStatus("voiceUnavailable");
        return;
      }
      if (probe.status === 0) {
        sayStatus(probe.timeout ? "errTimeout" : "errNetwork");
        return;
      }
    }
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (err) {
      const name = err && err.name;
      if (name === "NotAllowedError" || name === "SecurityError") sayStatus("micDenied");
      else if (name === "NotFoundError" || name === "OverconstrainedError") sayStatus("micNoDevice");
      else if (name === "NotReadableError" || name === "AbortError") sayStatus("micBusy");
      else sayStatus("micUnsupported");
      return;
    }
    startRecording(stream);
  }

  function startRecording(stream) {
    const mimeType = pickMimeType();
    let recorder;
    try {
      recorder = mimeType ? new MediaRecorder(stream, { mimeType }) : new MediaRecorder(stream);
    } catch {
      stream.getTracks().forEach((track) => track.stop());
      sayStatus("micUnsupported");
      return;
    }
    const chunks = [];
    const rec = { recorder, stream, cancelled: false, started: Date.now(), timer: 0, limit: 0 };
    recorder.addEventListener("dataavailable", (event) => {
      if (event.data && event.data.size) chunks.push(event.data);
    });
    recorder.addEventListener("stop", () => {
      stream.getTracks().forEach((track) => track.stop());
      window.clearInterval(rec.timer);
      window.clearTimeout(rec.limit);
      state.recording = null;
      setMicUi(false);
      if (rec.cancelled) {
        sayStatus("recordingCancelled");
        return;
      }
      const seconds = (Date.now() - rec.started) / 1000;
      const blob = new Blob(chunks, { type: recorder.mimeType || mimeType || "audio/webm" });
      if (!blob.size) sayStatus("voiceEmpty");
      else if (seconds < 0.6) sayStatus("voiceTooShort");
      else sendVoice(blob);
    });
    state.recording = rec;
    recorder.start();
    setMicUi(true);
    const update = () => sayStatus("recording", { s: Math.floor((Date.now() - rec.started) / 1000) });
    update();
    rec.timer = window.setInterval(update, 1000);
    rec.limit = window.setTimeout(() => recorder.state !== "inactive" && recorder.stop(), MAX_RECORDING_S * 1000);
  }

  function cancelRecording() {
    if (!state.recording) return;
    state.recording.cancelled = true;
    state.recording.recorder.stop();
  }

  async function sendVoice(blob) {
    clearStatus();
    setBusy(true);
    const form = new FormData();
    form.append("audio", blob, `question.${extensionFor(blob.type)}`);
    if (state.sessionId) form.append("session_id", state.sessionId);
    hideIntro();
    const pending = addPending("voiceSending");
    const result = await request("/api/voice", { form });
    pending.remove();
    setBusy(false);
    if (result.status === 404 || result.status === 405) {
      state.voice = "missing";
      sayStatus("voiceUnavailable");
      announce(t("voiceUnavailable"), state.ui);
      return;
    }
    if (!result.ok || !result.data || result.data.answer === undefined) {
      addErrorMessage(result);
      return;
    }
    const data = result.data;
    state.sessionId = data.session_id || state.sessionId;
    const transcript = typeof data.transcript === "string" ? data.transcript.trim() : "";
    const mine = addUserMessage(transcript || "…", { voice: true });
    if (data.transcript_language) mine.dataset.transcriptLanguage = data.transcript_language;
    const answer = renderAnswer(data, { question: transcript, optionId: null });
    scrollToNode(mine, "start");
    // Unsure of what it heard, Dalil asks first: the citizen confirms or corrects the transcript.
    const heard = data.confirm === true && answer.querySelector(".confirm-input");
    if (heard) heard.focus({ preventScroll: true });
  }

  // ---------------------------------------------------------------------------------------------
  // Interface language
  // ---------------------------------------------------------------------------------------------

  function applyUiLanguage(lang, persist) {
    state.ui = lang === "ar" ? "ar" : "fr";
    const root = document.documentElement;
    root.lang = state.ui;
    root.dir = state.ui === "ar" ? "rtl" : "ltr";
    document.title = t("title");
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll("[data-i18n-placeholder]")) {
      node.setAttribute("placeholder", t(node.dataset.i18nPlaceholder));
    }
    for (const node of document.querySelectorAll("[data-i18n-aria-label]")) {
      node.setAttribute("aria-label", t(node.dataset.i18nAriaLabel));
    }
    setMicUi(Boolean(state.recording));
    const examples = t("examples");
    document.querySelectorAll("[data-example]").forEach((button, i) => {
      const text = examples[i] || "";
      button.textContent = text;
      const dir = textDir(text);
      button.setAttribute("dir", dir);
      button.setAttribute("lang", dir === "rtl" ? "ar" : "fr");
    });
    for (const button of document.querySelectorAll("[data-ui-lang]")) {
      button.setAttribute("aria-pressed", button.dataset.uiLang === state.ui ? "true" : "false");
    }
    if (els.status.dataset.key && els.status.dataset.key !== "recording" && els.status.dataset.key !== "counter") {
      sayStatus(els.status.dataset.key);
    }
    if (persist) {
      try {
        window.localStorage.setItem(STORAGE_KEY, state.ui);
      } catch {
        // Storage may be disabled (private mode): the choice then lasts for this page only.
      }
    }
  }

  function initialUiLanguage() {
    try {
      const stored = window.localStorage.getItem(STORAGE_KEY);
      if (stored === "fr" || stored === "ar") return stored;
    } catch {
      // ignore: fall back on the browser's languages
    }
    const langs = navigator.languages || [navigator.language || "fr"];
    for (const l of langs) {
      const code = String(l).toLowerCase();
      if (code.startsWith("ar")) return "ar";
      if (code.startsWith("fr")) return "fr";
    }
    return "fr";
  }

  // ---------------------------------------------------------------------------------------------
  // Start
  // ---------------------------------------------------------------------------------------------

  function start() {
    els.intro = $("#intro");
    els.messages = $("#messages");
    els.live = $("#live");
    els.composer = $("#composer");
    els.input = $("#question");
    els.mic = $("#mic");
    els.send = $("#send");
    els.status = $("#composer-status");
    els.micPath = $("#mic .icon-mic path").getAttribute("d");

    applyUiLanguage(initialUiLanguage(), false);

    for (const button of document.querySelectorAll("[data-ui-lang]")) {
      button.addEventListener("click", () => applyUiLanguage(button.dataset.uiLang, true));
    }
    for (const button of document.querySelectorAll("[data-example]")) {
      button.addEventListener("click", () => {
        if (!state.busy) ask(button.textContent);
      });
    }
    els.composer.addEventListener("submit", (event) => {
      event.preventDefault();
      submitQuestion();
    });
    els.input.addEventListener("keydown", (event) => {
      // Enter sends, Shift+Enter is a new line; never while an input method is composing a word.
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submitQuestion();
      }
    });
    els.input.addEventListener("input", autosize);
    els.mic.addEventListener("click", onMic);
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && state.recording) cancelRecording();
    });
    document.documentElement.classList.add("js-ready");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
