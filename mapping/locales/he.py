"""Hebrew messages (עברית): a translation of ``mapping.locales.en``, key for key.

The field's terms follow Shitufim's Hebrew texts on the 2015 mapping: the roles
ייעוץ, הפעלה, פיתוח ידע and מימון; ארגון שדרה, ארגון תשתית, יוזמה; the domains
and the place-based scopes as the mapping names them. Imperatives use the
plural (לחצו, צמצמו), as those texts do. Placeholders are the English ones;
plural forms follow the CLDR rules for Hebrew (one, two, other).
"""

MESSAGES: dict[str, str] = {
    # --- The app and its pages ---
    "app.title": "אטלס קולקטיב אימפקט",
    "app.page_title": "{page} · אטלס קולקטיב אימפקט",
    "page.map": "מפה",
    "page.charts": "תרשימים",
    "page.data": "נתונים",
    "page.network": "רשת",
    "page.present": "מצב הצגה",
    "page.about": "אודות",
    "language.label": "שפה",
    "load.spinner": "הארגונים נטענים…",
    "load.error": "לא ניתן היה לטעון את מאגר הנתונים. {error}",
    # --- Counts ---
    "count.organisations#one": "ארגון אחד",
    "count.organisations#two": "שני ארגונים",
    "count.organisations#other": "{n:,} ארגונים",
    "count.countries#one": "מדינה אחת",
    "count.countries#two": "שתי מדינות",
    "count.countries#other": "{n:,} מדינות",
    "count.shown_of_total#one": "{shown:,} מתוך ארגון אחד",
    "count.shown_of_total#other": "{shown:,} מתוך {n:,} ארגונים",
    # --- Sidebar filters ---
    "sidebar.heading": "מסננים",
    "sidebar.search": "חיפוש בשמות, בתיאורים ובערים",
    "sidebar.role": "תפקיד",
    "sidebar.country": "מדינה",
    "sidebar.domain": "תחום",
    "sidebar.world_region": "אזור בעולם",
    "sidebar.org_type": "סוג ארגון",
    "sidebar.scope": "היקף גאוגרפי",
    "sidebar.year_started": "שנת התחלה",
    "sidebar.year_started_help": "הטווח המלא כולל גם ארגונים ששנת ההתחלה שלהם אינה ידועה.",
    "sidebar.placeholder": "בחרו אפשרויות",
    "sidebar.asof": "פעילים בשנה",
    "sidebar.asof_any": "כל שנה (המצב היום)",
    "sidebar.asof_help": (
        "הארגונים שעבודת האימפקט הקולקטיבי שלהם החלה עד אותה שנה ולא הסתיימה לפניה; "
        "ארגונים ללא שנת התחלה אינם נכללים."
    ),
    "sidebar.network": "רשת",
    "sidebar.network_any": "כל רשת",
    "sidebar.network_help": "החברים ברשת בעלת שם והארגון המפעיל אותה.",
    "sidebar.linked": "מקושרים אל",
    "sidebar.linked_any": "כל ארגון",
    "sidebar.linked_help": "ארגון וכל הארגונים המקושרים אליו ישירות.",
    "sidebar.reset": "איפוס המסננים",
    # --- Notices for what a link asked for but could not be used ---
    "notice.unknown_parameter": "הפרמטר '{key}' בכתובת אינו מוכר, ולכן לא הוחל.",
    "notice.bad_year_range": "טווח השנים '{value}' לא הוחל (הצורה הצפויה היא למשל 2010-2015).",
    "notice.bad_id": "המזהה '{value}' ב־{key} אינו מזהה ארגון, ולכן לא הופעל.",
    "notice.bad_asof": "השנה '{value}' לא הופעלה (יש לכתוב שנה בין {first} ל־{last}, למשל 2015).",
    "notice.unknown_linked": "linked='{value}' לא הופעל: אין ארגון עם המזהה הזה.",
    "notice.unknown_network": "network='{value}' לא הופעל: אין רשת בעלת שם עם המזהה הזה.",
    "notice.unknown_value": "הערך '{value}' של הפרמטר {key} אינו מוכר, ולכן לא הוחל.",
    # --- The view in words ---
    "describe.head": "ארגונים",
    "describe.sentence": "{head}: {clauses}.",
    "describe.all_with_counts": "{head}: הכול, ללא מסננים.",
    "describe.all": "כל הארגונים (ללא מסננים).",
    "describe.clause_separator": "; ",
    "describe.list_separator": ", ",
    "describe.or": " או ",
    "describe.role#one": "תפקיד {values}",
    "describe.role#other": "תפקידים {values}",
    "describe.country#one": "מדינה {values}",
    "describe.country#other": "מדינות {values}",
    "describe.world_region#one": "אזור {values}",
    "describe.world_region#other": "אזורים {values}",
    "describe.domain#one": "תחום {values}",
    "describe.domain#other": "תחומים {values}",
    "describe.org_type#one": "סוג {values}",
    "describe.org_type#other": "סוגים {values}",
    "describe.scope#one": "היקף {values}",
    "describe.scope#other": "היקפים {values}",
    "describe.years_between": "התחילו בשנים {first}–{last}",
    "describe.years_from": "התחילו ב־{first} ואילך",
    "describe.years_until": "התחילו ב־{last} או לפני כן",
    "describe.network": "ברשת של {name}",
    "describe.linked": "{name} והארגונים המקושרים אליו",
    "describe.asof": "פעילים בשנת {year}",
    "describe.undated#one": "ארגון אחד ללא שנת התחלה אינו נכלל.",
    "describe.undated#two": "שני ארגונים ללא שנת התחלה אינם נכללים.",
    "describe.undated#other": "{n:,} ארגונים ללא שנת התחלה אינם נכללים.",
    "describe.text": 'התואמים לחיפוש "{text}"',
    # --- The map page ---
    "map.zoom_to_results": "התמקדות בתוצאות",
    "map.caption": (
        "צבע הסמן מציין את התפקיד העיקרי של הארגון; לחצו על סמן כדי לראות את פרטיו, "
        "או הגיעו אליו במקש Tab והקישו Enter (Escape סוגר). "
        "מפת הבסיס נבנית מנתונים מקומיים ופועלת גם ללא חיבור לאינטרנט; "
        "שכבות המפה המקוונות הן רשות."
    ),
    "map.label": "מפת העולם של הארגונים",
    "map.skip": "דילוג על המפה",
    "map.as_list": "הארגונים האלה כרשימה",
    "map.aggregated": (
        "{count:,} ארגונים הם יותר ממה שהמפה יכולה לצייר אחד־אחד "
        "(המגבלה היא {limit:,}), ולכן היא מציגה כמה ארגונים יש בכל מדינה. "
        "צמצמו את המסננים כדי לראות את הארגונים עצמם; הספירה והקבצים להורדה "
        "עדיין כוללים את כל השורות."
    ),
    "map.details_prompt": "לחצו על ארגון במפה כדי לראות כאן את פרטיו.",
    "map.details_heading": "פרטים",
    "share.action": "שיתוף",
    "share.action_help": (
        "שיתוף התצוגה הזו בדיוק: בטלפון דרך תפריט השיתוף שלו, ובמקומות אחרים הקישור מועתק."
    ),
    "share.caption": "שיתוף התצוגה (העתיקו את הקישור):",
    "share.label": "קישור לתצוגה הזו",
    "share.copy": "העתקת הקישור",
    "share.copied": "הקישור הועתק: הוא פותח בדיוק את התצוגה הזו.",
    "share.qr_heading": "קודי QR של התצוגה הזו",
    "share.qr_audience": "קישור לקהל: המפה בלבד, קלה לטלפונים",
    "share.qr_full": "האטלס המלא בתצוגה הזו",
    "share.qr_alt": "קוד QR של {link}",
    "audience.open_atlas": "פתיחת האטלס המלא בתצוגה הזו",
    "present.qr_toggle": "קוד QR לקהל",
    "present.qr_title": "פתחו את המפה הזו בטלפון",
    "present.qr_full": "האטלס המלא",
    # --- תצוגת המפה בקישור ---
    "view.notice.incomplete": (
        "תצוגת המפה שבקישור לא הוחלה: נדרשים בה יחד קו רוחב, קו אורך ורמת תקריב."
    ),
    "view.notice.latitude": "תצוגת המפה שבקישור לא הוחלה: קו הרוחב '{value}' אינו בין ‎-90 ל-90.",
    "view.notice.longitude": "תצוגת המפה שבקישור לא הוחלה: קו האורך '{value}' אינו מספר.",
    "view.notice.zoom": "תצוגת המפה שבקישור לא הוחלה: רמת התקריב '{value}' אינה בין 1 ל-18.",
    "view.notice.org": "הארגון שבקישור, '{value}', לא הוחל: זה אינו מזהה של ארגון.",
    "view.notice.org_not_shown": (
        "הארגון שבקישור, '{org}', אינו בין הארגונים המוצגים (ייתכן שהוא מסונן או שאינו במאגר הזה)."
    ),
    # --- The map itself ---
    "map.legend_title": "תפקיד עיקרי",
    "map.fullscreen_enter": "מסך מלא",
    "map.fullscreen_exit": "יציאה ממסך מלא",
    "map.cluster_title": "{n} ארגונים: פתחו כדי להתקרב",
    "map.close": "סגירת הפרטים",
    "map.list_title": "{n} ארגונים כאן",
    "map.more_text": "ועוד {n}: התקרבו או צמצמו את המסננים",
    "map.layer.organisations": "ארגונים",
    "map.layer.counts": "ארגונים לפי מדינה",
    "map.tiles.osm": "OpenStreetMap (מקוון)",
    "map.tiles.carto": "CARTO Positron (מקוון)",
    "map.country_count": "{country}: {count}",
    "detail.linked": "ארגונים מקושרים",
    "detail.linked_hidden": "ועוד {n} מחוץ לתצוגה הזו",
    "detail.linked_why": "בתצוגה הזו כי הוא מקושר אל {name}:",
    "detail.linked_outside": "(לא בתצוגה הזו)",
    "detail.link_since": "מאז {year}",
    "detail.link_until": "עד {year}",
    # Isolated left to right: "2015–2020" would otherwise read 2020–2015 in a Hebrew line.
    "detail.link_between": "\u2066{since}–{until}\u2069",
    "detail.link_source": "מקור",
    "detail.link_years_unknown": "השנים לא תועדו",
    "detail.org_type": "סוג",
    "detail.roles": "תפקידים",
    "detail.domains": "תחומים",
    "detail.scope": "היקף גאוגרפי",
    "detail.place": "מיקום",
    "detail.year_started": "שנת התחלה",
    "detail.network": "רשת",
    "detail.website": "אתר אינטרנט",
    "detail.description": "אודות",
    # --- The charts page ---
    "charts.heading": "כיצד התחום מתפשט",
    "charts.empty": "אין ארגון שתואם את המסננים. הרחיבו אותם בסרגל הצד.",
    "chart.data_behind": "המספרים שמאחורי התרשים",
    "chart.untitled": "תרשים",
    "chart.region.title": "ארגונים לפי אזור בעולם",
    "chart.roles.title": "תפקידים לפי אזור בעולם",
    "chart.domains.title": "תחומים לפי אזור בעולם",
    "chart.countries.title": "{top} המדינות עם מספר הארגונים הגדול ביותר",
    "chart.adoption.title_region": "צמיחה: הארגונים הפעילים בכל שנה, לפי אזור בעולם",
    "chart.adoption.title_role": "צמיחה: הארגונים הפעילים בכל שנה, לפי תפקיד",
    "chart.adoption.asof": "פעילים ב־{year}",
    "chart.adoption.by": "צמיחה לפי",
    "chart.adoption.by.region": "אזור בעולם",
    "chart.adoption.by.role": "תפקיד",
    "chart.axis.year": "שנה",
    "chart.axis.organisations_active": "ארגונים פעילים",
    "chart.axis.world_region": "אזור בעולם",
    "chart.axis.organisations": "ארגונים",
    "chart.axis.organisations_with_role": "ארגונים הממלאים את התפקיד",
    "chart.axis.domain": "תחום",
    "chart.legend.role": "תפקיד",
    "chart.legend.world_region": "אזור בעולם",
    "chart.legend.organisations": "ארגונים",
    "chart.tooltip.region": "אזור",
    "chart.tooltip.role": "תפקיד",
    "chart.tooltip.domain": "תחום",
    "chart.tooltip.year": "שנה",
    "chart.tooltip.country": "מדינה",
    "chart.tooltip.organisations": "ארגונים",
    # --- The data page ---
    "findings.heading": "2015 והיום: ממצאי המיפוי של 2015 מול הנתונים",
    "findings.intro": (
        "כל אחד מהממצאים העיקריים של מיפוי 2015, בניסוח שלנו, לצד מה שהנתונים אומרים. "
        '"נכון ל־2015" סופר את הארגונים שפעלו ב־2015 (רק ארגונים עם שנה); "היום" סופר כל '
        "ארגון שעבודתו לא הסתיימה. מחושב בזמן אמת מכל האטלס, בלי קשר למסננים."
    ),
    "findings.us_leads": (
        "ארצות הברית מובילה בפער גדול: רוב ארגוני הידע, היוזמות וארגוני השדרה נמצאים בה."
    ),
    "findings.canada_2013": (
        "קנדה פעילה מאז 2013 בערך, סביב מכון Tamarack ורשת Vibrant Communities שלו."
    ),
    "findings.australia_emerging": (
        "אוסטרליה מתעוררת: כנסי האימפקט הקולקטיבי הראשונים בה היו ב־2014 וב־2015."
    ),
    "findings.europe_sparse": "באירופה התחום עדיין אינו מפותח: ארגונים ספורים בלבד.",
    "findings.israel_2013": (
        "בישראל, שיתופים משמש ארגון שדרה וארגון ידע מאז 2013; הכנס הישראלי הראשון היה ב־2015."
    ),
    "findings.value.lead": "{count:,} ארגונים ({share}% מהאטלס); באזור הבא {next:,}",
    "findings.value.count_first": "{count:,} ארגונים; הראשון החל ב־{first}",
    "findings.value.count_share": "{count:,} ארגונים ({share}% מהאטלס)",
    "findings.why.us_leads": (
        "בארצות הברית {core}% מהיוזמות וארגוני השדרה ו־{knowledge}% מארגוני הידע."
    ),
    "findings.why.canada": (
        "ההתחלה הקנדית המוקדמת ביותר בנתונים היא ב־{first}: העבודה ותיקה מהמונח. "
        "{since} מתוך {dated} ארגונים קנדיים עם שנה החלו ב־2013 או אחריה; {network} "
        "חברים ב־Vibrant Communities של Tamarack."
    ),
    "findings.why.australia": (
        "{recent} מתוך {dated} ארגונים אוסטרליים עם שנה החלו ב־2013 או אחריה; המוקדם ב־{first}."
    ),
    "findings.why.europe": (
        "באירופה היו {then}% מהארגונים שפעלו ב־{year}, והיום יש בה {now}% מהם."
    ),
    "findings.why.israel": (
        "עבודתה של שיתופים מתחילה בנתונים ב־{started}; ההתחלה הישראלית המוקדמת ביותר ב־{first}."
    ),
    "findings.verdict.holds": "נכון",
    "findings.verdict.partly": "נכון בחלקו",
    "findings.verdict.contradicted": "הנתונים סותרים",
    "findings.verdict.thin": "מעט מדי ארגונים עם שנה כדי לשפוט",
    "findings.column.then": "נכון ל־2015",
    "findings.column.now": "היום",
    "findings.column.region": "אזור בעולם",
    "findings.column.first": "ההתחלה המוקדמת",
    "findings.column.dated": "עם שנה",
    "findings.column.total": "ארגונים",
    "findings.first_years": "השנים הראשונות לפי אזור (כמה מכל אזור מתוארך)",
    "findings.undated": "ל־{n:,} ארגונים אין שנת התחלה: הם נספרים היום אך לא ב־2015.",
    "chart.findings.title": "ארגונים לפי אזור בעולם: פעילים ב־2015 והיום",
    "chart.findings.then": "2015",
    "chart.findings.now": "היום",
    "chart.legend.when": "מתי",
    "timeline.caption": "עד {year}: {organisations} ב־{countries}",
    "timeline.play": "הפעלת השנים",
    "timeline.pause": "השהיה",
    "timeline.year": "שנה",
    "timeline.all_years": "כל השנים",
    "timeline.all_caption": "כל השנים: כל הארגונים, עם שנה ובלעדיה",
    "timeline.label": "השדה שנה אחר שנה",
    "network.heading": "השדה כרשת",
    "network.partners": "להוסיף את השותפים הישירים שלהם",
    "network.partners_help": (
        "להציג גם כל ארגון המקושר ישירות לארגון שהמסננים בחרו, גם אם המסננים אינם כוללים אותו."
    ),
    "network.empty": "אין ארגונים התואמים למסננים האלה.",
    "network.no_links": "לארגונים האלה אין קשרים זה עם זה במאגר.",
    "network.trimmed": (
        "הגרף מציג את {shown:,} הארגונים המקושרים ביותר מתוך {total:,}; "
        "הנתונים שלמטה וההורדות כוללים את כולם."
    ),
    "network.partners_added#one": "נוסף שותף ישיר אחד שמחוץ למסננים.",
    "network.partners_added#two": "נוספו שני שותפים ישירים שמחוץ למסננים.",
    "network.partners_added#other": "נוספו {n:,} שותפים ישירים שמחוץ למסננים.",
    "network.search_label": "חיפוש ארגון בגרף",
    "network.search_placeholder": "חיפוש בגרף…",
    "network.list_label": "הארגונים בגרף הזה",
    "network.list_prompt": "בחירת ארגון…",
    "network.fit": "הצגת הגרף כולו",
    "network.legend_roles": "תפקיד עיקרי",
    "network.legend_links": "קשרים",
    "network.legend_size": "גדול יותר: יותר קשרים.",
    "network.details_prompt": "לחצו על ארגון (או חפשו אותו בשמו) כדי לקרוא את פרטיו ואת קשריו.",
    "network.graph_label": "גרף הרשת של הארגונים והקשרים ביניהם",
    "network.matches": "תוצאות: {n}",
    "network.no_match": "אין תוצאות",
    "network.coverage_title": "עד כמה הרשת שלמה באטלס",
    "network.roster_link": "רשימת החברים שפרסמה הרשת",
    "network.unlinked#one": "לארגון אחד אין קשר בתצוגה הזו: הוא מופיע ברשימה כאן, לא בגרף",
    "network.unlinked#two": "לשני ארגונים אין קשר בתצוגה הזו: הם מופיעים ברשימה כאן, לא בגרף",
    "network.unlinked#other": "ל־{n:,} ארגונים אין קשר בתצוגה הזו: הם מופיעים ברשימה כאן, לא בגרף",
    "network.metrics_heading": "מה הרשת מראה",
    "network.metric.organisations": "ארגונים",
    "network.metric.links": "קשרים",
    "network.metric.linked": "מקושרים לאחר",
    "network.metric.groups": "קבוצות מחוברות",
    "network.metric.largest": "הקבוצה הגדולה",
    "network.most_linked": "המקושרים ביותר",
    "network.brokers": "מתווכים (מדד תיווך)",
    "network.brokers_help": (
        "באיזו תדירות ארגון נמצא על הדרך הקצרה ביותר בין שני ארגונים אחרים: "
        "הארגונים המגשרים בין חלקים נפרדים של השדה."
    ),
    "network.networks": "רשתות בעלות שם",
    "network.by_relation": "קשרים לפי סוג",
    "network.column.organisation": "ארגון",
    "network.column.links": "קשרים",
    "network.column.betweenness": "מדד תיווך",
    "network.column.network": "רשת",
    "network.column.members": "חברים בתצוגה",
    "network.column.relation": "סוג הקשר",
    "network.coverage_heading": "עד כמה כל רשת בעלת שם שלמה באטלס",
    "network.coverage_caption": (
        "החברים שבאטלס (ארגונים עם קשר חברות לרשת) מול החברים ברשימת החברים שהרשת "
        "מפרסמת, עם הדף של הרשימה ותאריכה: לכל האטלס, בלי קשר למסננים. חבר שחסר כאן "
        "חסר באטלס, לא בשטח."
    ),
    "network.column.held": "באטלס",
    "network.column.listed": "חברים ברשימה",
    "network.column.share": "שיעור",
    "network.column.roster_date": "תאריך הרשימה",
    "network.column.roster_source": "הרשימה",
    "network.coverage_notes": "מה נחשב חבר בכל רשת, ומה חסר",
    "coverage.dated": "{network}: {n:,} מתוך {size:,} החברים ברשימה (רשימה מ־{date})",
    "coverage.listed": "{network}: {n:,} מתוך {size:,} החברים ברשימה",
    "coverage.unsized#one": "{network}: חבר אחד באטלס; מספר החברים ברשת לא פורסם",
    "coverage.unsized#two": "{network}: שני חברים באטלס; מספר החברים ברשת לא פורסם",
    "coverage.unsized#other": "{network}: {n:,} חברים באטלס; מספר החברים ברשת לא פורסם",
    "network.downloads_heading": "הורדת הרשת הזו",
    "download.links_csv": "קשרים (CSV)",
    "download.links_csv_help": "כל הקשרים בין הארגונים האלה, עם שני השמות: UTF-8 עם BOM.",
    "download.gexf": "גרף ל־Gephi ‏(GEXF)",
    "download.gexf_help": "הארגונים כצמתים עם מאפייניהם, הקשרים כקשתות.",
    "download.graphml": "גרף (GraphML)",
    "download.graphml_help": "ל־yEd, ‏Kumu, ‏Cytoscape ו־igraph.",
    "data.heading": "ארגונים",
    "column.name": "שם",
    "column.roles": "תפקידים",
    "column.type": "סוג",
    "column.domains": "תחומים",
    "column.scope": "היקף גאוגרפי",
    "column.city": "עיר",
    "column.country": "מדינה",
    "column.region": "אזור",
    "column.started": "שנת התחלה",
    "column.network": "רשת",
    "column.website": "אתר אינטרנט",
    "column.description": "תיאור",
    "data.details_label": "פרטי ארגון",
    "data.details_placeholder": "הקלידו שם או בחרו ארגון…",
    "data.details_too_many": "צמצמו את המסננים ל־{limit:,} ארגונים או פחות כדי לפתוח כאן ארגון.",
    "data.show_on_map": "הצגה על המפה",
    "data.downloads_heading": "הורדה של הרשימה הזו בדיוק",
    "download.csv": "הורדת CSV",
    "download.geojson": "הורדת GeoJSON",
    "download.xlsx": "הורדת Excel (XLSX)",
    "download.zip": "הורדת CSV עם הערות (ZIP)",
    "download.map_html": "הורדת המפה (HTML, פועלת ללא רשת)",
    "download.png": "PNG",
    "download.svg": "SVG",
    "download.csv_help": "נתונים נקיים לגיליון אלקטרוני: UTF-8 עם BOM, מוגנים מפני נוסחאות.",
    "download.zip_help": (
        "קובץ ה־CSV ואיתו ABOUT.txt: המסננים במילים, קישור קבוע, תאריך, גרסה, ציטוט ורישיון."
    ),
    "download.xlsx_help": "שלושה גיליונות: הארגונים, הקשרים ביניהם, ו'אודות' (איך נוצרה הרשימה).",
    "download.map_html_help": "קובץ אחד עצמאי: נפתח בלחיצה כפולה, בלי רשת.",
    "export.sheet.data": "ארגונים",
    "export.sheet.about": "אודות",
    # --- The present page ---
    "present.previous": "▶ הקודם",
    "present.next": "הבא ◀",
    "present.position": "שקופית {index} מתוך {count}",
    "present.auto_advance": "מעבר אוטומטי כל (שניות, 0 = כבוי)",
    "present.first": "⏭ הראשונה",
    "present.last": "האחרונה ⏮",
    "present.keys": (
        "מקשים (גם שלט של מצגת): Page Down, → או רווח: השקופית הבאה · Page Up או ←: "
        "השקופית הקודמת · Home / End: הראשונה / האחרונה · B או נקודה: מסך שחור (שוב כדי "
        "להחזיר). הכפתורים האלה מוסתרים עד שהעכבר זז."
    ),
    "present.keys_timeline": (
        "מקשים (גם שלט של מצגת): השנים מתנגנות מעצמן; Page Down, → או רווח: השנה האחרונה, "
        "ולחיצה נוספת לשקופית הבאה · ↓ / ↑: שנה קדימה / אחורה · Page Up או ←: השקופית "
        "הקודמת · Home / End: הראשונה / האחרונה · B או נקודה: מסך שחור. "
        "הכפתורים האלה מוסתרים עד שהעכבר זז."
    ),
    "present.blank": "המסך הוחשך. הקישו B, נקודה או Escape כדי להציגו שוב.",
    "present.error": "לא ניתן להציג את שקופיות ההצגה. {error}",
    # --- The About page ---
    "about.heading": "אודות אטלס קולקטיב אימפקט",
    "about.introduction": """
**קולקטיב אימפקט** (Collective Impact) הוא מחויבות של שחקנים ממגזרים שונים לסדר יום
משותף כדי לפתור בעיה חברתית מורכבת (Kania & Kramer, *Stanford Social Innovation
Review*, 2011). הגישה נשענת על חמישה מרכיבים: **סדר יום משותף**, **מדידה משותפת**,
**פעילויות המחזקות זו את זו**, **תקשורת מתמשכת** ו**ארגון שדרה**. ארגון שיתופים
הישראלי הציע מרכיב שישי: בניית האמון וגיבוש ההסכמות.

האטלס צומח מתוך **המיפוי העולמי שערך שיתופים ב־2015** של הארגונים העוסקים בקולקטיב
אימפקט בארבעה תפקידים: ייעוץ, הפעלה, פיתוח ידע ומימון. המיפוי מצא שארה"ב מובילה
ללא תחרות; שבקנדה יש פעילות מאז 2013 בערך, סביב מכון Tamarack ויוזמות Vibrant
Communities שלו; שהתחום מתהווה באוסטרליה (הכנסים הראשונים נערכו ב־2014 וב־2015);
שבאירופה הוא עדיין אינו מפותח; ושבישראל מתפתח שדה סביב שיתופים והכנס הישראלי
הראשון על קולקטיב אימפקט (תל אביב, 30 במרס 2015). הרשימה המלאה של המיפוי אינה
זמינה, ולכן האטלס בונה מחדש רשימה רחבה יותר ומתועדת: כל שורה מפנה לעמוד שבו נבדקו
העובדות שלה.
""",
    "about.corrections": """
**תיקונים ותוספות** יתקבלו בברכה: השדה `source` של כל ארגון מראה מאין לקוחות העובדות
עליו. הציעו ארגון חדש, קשר, תיקון או הסרה בעמוד **הצעת שינוי** (בפרטים של כל ארגון יש
קישור "הצעת תיקון"), יחד עם דף אינטרנט שתומך בהצעה; סוקר בודק כל הצעה לפני שמשהו מתפרסם.
תוכנות יכולות לשלוח הצעות אל `POST /api/v1/suggestions`.
""",
    "about.definitions": "הגדרות",
    "about.dataset": "מאגר הנתונים",
    "about.cite": "איך לצטט",
    "about.term": "מונח",
    "about.definition": "הגדרה",
    "about.vocabulary.role": "תפקידים (ארבעת התפקידים של מיפוי 2015)",
    "about.vocabulary.org_type": "סוגי ארגונים",
    "about.vocabulary.domain": "תחומים",
    "about.vocabulary.scope": "היקפים גאוגרפיים",
    "about.vocabulary.world_region": "אזורים בעולם",
    "about.summary.version": "גרסה **{version}** ({date}), רישיון {licence}.",
    "about.summary.edition": (
        "מוצגת כאן המהדורה **{edition}**: הגרסה הזו והשינויים שהמנחים אישרו מאז "
        "(ההיסטוריה של כל ארגון מציגה מי, מתי ועל סמך איזה מקור). "
        "בציטוט יש לציין את המהדורה ואת התאריך שבו עיינתם."
    ),
    "about.summary.counts": (
        "**{organisations}** ב־**{countries}** ({regions}); ל־{dated:,} מהם שנת התחלה ידועה."
    ),
    "about.summary.region": "{region}: {count:,}",
    "about.summary.locations": (
        "המיקומים הם של המטה; מיקום שלא צוין אותר ללא חיבור לרשת במאגר השמות הגאוגרפי GeoNames."
    ),
    # --- Bring your own data ---
    "upload.heading": "העלאה",
    "upload.expander": "הנתונים שלכם: CSV, Excel או GeoJSON",
    "upload.file_label": "העלאת קובץ (עד {megabytes:,} MB, {rows:,} שורות)",
    "upload.back": "חזרה למאגר הנתונים המובנה",
    "upload.fix_swapped": "תיקון שורות שבהן קו הרוחב וקו האורך נראים הפוכים",
    "upload.mode": "מה לעשות בנתונים",
    "upload.mode.replace": "להחליף את הנתונים המובנים (רק בהפעלת הדפדפן הנוכחית)",
    "upload.mode.merge": "למזג עם הנתונים המובנים (כפילויות יוחלפו בשורות שלכם)",
    "upload.show": "הצגת הנתונים האלה במפה",
    "upload.active_replaced": "הקובץ שלכם {name}: {organisations} (הנתונים המובנים מוסתרים).",
    "upload.active_merged": (
        "הקובץ שלכם {name} מוזג עם הנתונים המובנים: {organisations} ({duplicates})."
    ),
    "upload.duplicates_merged#one": "כפילות אחת מוזגה",
    "upload.duplicates_merged#two": "שתי כפילויות מוזגו",
    "upload.duplicates_merged#other": "{n:,} כפילויות מוזגו",
    "upload.summary#one": "{loaded:,} נטענו, {rejected:,} נדחו, מתוך שורה אחת.",
    "upload.summary#other": "{loaded:,} נטענו, {rejected:,} נדחו, מתוך {n:,} שורות.",
    "upload.blank_rows#one": "שורה ריקה אחת דולגה.",
    "upload.blank_rows#two": "שתי שורות ריקות דולגו.",
    "upload.blank_rows#other": "{n:,} שורות ריקות דולגו.",
    "upload.read_as": "נקרא בקידוד {encoding}.",
    "upload.imprecise#one": (
        "שורה אחת שנטענה ממוקמת במרכז האזור או המדינה שלה, כי העיר שלה לא נמצאה:"
    ),
    "upload.imprecise#other": (
        "{n:,} שורות שנטענו ממוקמות במרכז האזור או המדינה שלהן, כי הערים שלהן לא נמצאו:"
    ),
    "upload.swapped_fixed#one": "בשורה אחת נראה שקו הרוחב וקו האורך הוחלפו זה בזה (תוקן).",
    "upload.swapped_fixed#two": "בשתי שורות נראה שקו הרוחב וקו האורך הוחלפו זה בזה (תוקן).",
    "upload.swapped_fixed#other": ("ב־{n:,} שורות נראה שקו הרוחב וקו האורך הוחלפו זה בזה (תוקן)."),
    "upload.swapped_unfixed#one": (
        "בשורה אחת נראה שקו הרוחב וקו האורך הוחלפו זה בזה; סמנו את התיבה למעלה כדי לתקן."
    ),
    "upload.swapped_unfixed#two": (
        "בשתי שורות נראה שקו הרוחב וקו האורך הוחלפו זה בזה; סמנו את התיבה למעלה כדי לתקן."
    ),
    "upload.swapped_unfixed#other": (
        "ב־{n:,} שורות נראה שקו הרוחב וקו האורך הוחלפו זה בזה; סמנו את התיבה למעלה כדי לתקן."
    ),
    "upload.unmapped": "**עמודות שלא זוהו**: בחרו מה כל אחת מהן מכילה.",
    "upload.ignore_column": "(להתעלם)",
    "upload.download_errors": "הורדת דוח השגיאות (CSV)",
    "upload.report.row": "שורה",
    "upload.report.field": "שדה",
    "upload.report.value": "ערך",
    "upload.report.reason": "סיבה",
    "upload.report.suggestion": "הצעה",
    # --- Upload errors: a file that cannot be loaded at all ---
    "upload.error.empty": "הקובץ {name} ריק (0 בתים).",
    "upload.error.too_large": (
        "גודל הקובץ {name} הוא {size}; המגבלה היא {limit}. העלו קובץ קטן יותר או פצלו אותו."
    ),
    "upload.error.too_many_rows": (
        "בקובץ {name} יש יותר מ־{limit:,} שורות נתונים; המגבלה היא {limit:,}. פצלו את הקובץ."
    ),
    "upload.error.no_data_rows": "בקובץ {name} יש שורת כותרות, אבל אין בו שורות נתונים.",
    "upload.error.old_excel": (
        "הקובץ {name} הוא חוברת Excel בפורמט הישן (.xls), שאינו נתמך; שמרו אותו כ־.xlsx או כ־CSV."
    ),
    "upload.error.extension": (
        "לקובץ {name} {extension}; העלו קובץ CSV (.csv), Excel (.xlsx) או GeoJSON (.geojson)."
    ),
    "upload.extension.some": "יש הסיומת '{suffix}'",
    "upload.extension.none": "אין סיומת",
    "upload.error.in_file": "{name}: {problem}",
    "upload.error.bom_mismatch": (
        "הקובץ מתחיל בסימן סדר בתים (BOM) של {encoding}, אבל הבית שבמקום {position:,} "
        "אינו תקין בקידוד {encoding} ({reason})."
    ),
    "upload.error.binary": "הקובץ מכיל נתונים בינאריים (בתי NUL), ולא טקסט.",
    "upload.error.not_csv": "הקובץ {name} אינו טקסט CSV: נראה שזה {kind}.",
    "upload.error.blank": "הקובץ {name} ריק (יש בו רק רווחים ושורות ריקות).",
    "upload.error.no_cells": "הקובץ {name} ריק (אין טקסט באף תא).",
    "upload.error.truncated_quote": (
        "נראה שהקובץ {name} קטוע: תא שנפתח במירכאות לא נסגר (הוא נפתח סמוך לשורה {line}). "
        "ייצאו את הקובץ שוב או העלו אותו מחדש."
    ),
    "upload.error.unreadable_csv": "לא ניתן לקרוא את הקובץ {name} כקובץ CSV: {detail}.",
    "upload.error.not_xlsx": "הקובץ {name} אינו חוברת Excel (.xlsx): נראה שזה {kind}.",
    "upload.error.damaged_xlsx": (
        "הקובץ {name} פגום או קטוע: הוא מתחיל כמו חוברת Excel, אבל לא ניתן לפתוח אותו. "
        "שמרו אותו שוב מ־Excel, או העלו אותו כ־CSV."
    ),
    "upload.error.zip_bomb": (
        "הקובץ {name} היה מתרחב ל־{size} בפתיחה (המגבלה היא {limit}), ולכן הוא לא נפתח: "
        "ייתכן שזו פצצת ZIP."
    ),
    "upload.error.zip_not_workbook": (
        "הקובץ {name} הוא ארכיון ZIP, אבל לא חוברת Excel (אין בו {member})."
    ),
    "upload.error.no_worksheet": "בקובץ {name} אין גיליון עבודה.",
    "upload.error.unreadable_xlsx": (
        "לא ניתן היה לקרוא את הקובץ {name} כחוברת Excel ({detail}). "
        "שמרו אותו שוב מ־Excel, או העלו אותו כ־CSV."
    ),
    "upload.error.not_geojson": "הקובץ {name} אינו GeoJSON: נראה שזה {kind}.",
    "upload.error.geojson_not_utf8": (
        "הקובץ {name} אינו טקסט בקידוד UTF-8 (בית {position:,}: {reason}); "
        "קובץ GeoJSON חייב להיות בקידוד UTF-8."
    ),
    "upload.error.invalid_json": (
        "הקובץ {name} אינו JSON תקין: {detail} (שורה {line}, עמודה {column})."
    ),
    "upload.error.json_too_deep": "לא ניתן להשתמש בקובץ {name} כ־GeoJSON: הקינון בו עמוק מדי.",
    "upload.error.not_feature_collection": (
        "הקובץ {name} אינו FeatureCollection של GeoJSON (הסוג שלו הוא {found!r}); "
        "העלו {example} ובו Point אחד לכל ארגון."
    ),
    "upload.error.features_not_list": "הקובץ {name} הוא FeatureCollection ללא רשימת {member}.",
    "upload.error.no_features": "אין בקובץ {name} אף ישות גאוגרפית (Feature).",
    "upload.error.duplicate_header": (
        "{name}: הכותרת {header!r} מופיעה בעמודות {columns} ו־{last}; שנו את שמן של כולן מלבד אחת."
    ),
    "upload.error.missing_column": (
        "{name}: אף עמודה לא זוהתה בתור {description}. הכותרות הן: {headers}. "
        "שנו את השם של אחת מהן, או מפו אותה לעמודה {column}."
    ),
    "upload.headers.none": "אין",
    "upload.required.name": "שם הארגון ({aliases})",
    "upload.required.roles": "התפקידים ({aliases})",
    "upload.required.country_code": "המדינה ({aliases})",
    # What a file that is not text looks like.
    "upload.kind.png": "תמונת PNG",
    "upload.kind.jpeg": "תמונת JPEG",
    "upload.kind.gif": "תמונת GIF",
    "upload.kind.pdf": "מסמך PDF",
    "upload.kind.zip": "ארכיון ZIP או חוברת Excel (תנו לחוברת את הסיומת .xlsx)",
    "upload.kind.old_excel": (
        "חוברת Excel ישנה (.xls) או חוברת מוגנת בסיסמה; שמרו אותה כ־.xlsx או כ־CSV"
    ),
    "upload.kind.gzip": "ארכיון gzip",
    "upload.kind.7z": "ארכיון 7-Zip",
    "upload.kind.rar": "ארכיון RAR",
    "upload.kind.html": "דף אינטרנט (HTML)",
    "upload.kind.text": "טקסט פשוט (קובץ CSV ששמו שונה ל־.xlsx? תנו לו את הסיומת .csv)",
    "upload.kind.binary": "קובץ בינארי מסוג אחר",
    "upload.size.mb": "{size:,.1f} MB",
    "upload.size.kb": "{size:,.1f} KB",
    "upload.size.bytes#one": "בית אחד",
    "upload.size.bytes#two": "שני בתים",
    "upload.size.bytes#other": "{n:,} בתים",
    # The text encodings an upload is read in.
    "upload.encoding.utf-8": "UTF-8",
    "upload.encoding.utf-8-sig": "UTF-8 עם BOM",
    "upload.encoding.utf-16": "UTF-16",
    "upload.encoding.cp1255": "Windows-1255 (עברית)",
    "upload.encoding.cp1252": "Windows-1252 (מערב אירופה)",
    "upload.encoding.latin-1": "Latin-1 (ISO-8859-1)",
    # --- Upload report: problems with one row ---
    "upload.problem.ragged": "יש בה {cells} תאים, אבל בשורת הכותרות יש {columns} עמודות",
    "upload.suggest.ragged": (
        "הקיפו במירכאות תאים שמכילים את התו המפריד, או הוסיפו כותרת לתאים העודפים"
    ),
    "upload.problem.not_feature": "אינו אובייקט Feature של GeoJSON",
    "upload.problem.properties_not_object": "השדה {member} חייב להיות אובייקט (או null)",
    "upload.problem.not_point": "הגאומטריה היא {kind}; אפשר לטעון רק ישויות מסוג Point",
    "upload.suggest.not_point": (
        "השתמשו ב־Point בכתובת הארגון, או השאירו את הגאומטריה ריקה (null) וציינו עיר"
    ),
    "upload.problem.bad_point": "הקואורדינטות של Point חייבות להיות שני מספרים: [קו אורך, קו רוחב]",
    "upload.warning.city_not_found": "העיר לא נמצאה במדינה {code}; הסמן ממוקם {precision}",
    "upload.precision.region": "במרכז המחוז",
    "upload.precision.country": "במרכז המדינה",
    "upload.suggest.city_not_found": "בדקו את האיות, או ציינו קו רוחב וקו אורך",
    # The report's field column.
    "upload.field.id": "מזהה",
    "upload.field.name": "שם",
    "upload.field.name_he": "שם בעברית",
    "upload.field.roles": "תפקידים",
    "upload.field.org_type": "סוג ארגון",
    "upload.field.domains": "תחומים",
    "upload.field.scope": "היקף גאוגרפי",
    "upload.field.city": "עיר",
    "upload.field.region": "מחוז",
    "upload.field.country_code": "מדינה",
    "upload.field.latitude": "קו רוחב",
    "upload.field.longitude": "קו אורך",
    "upload.field.year_started": "שנת התחלה",
    "upload.field.year_ended": "שנת סיום",
    "upload.field.network": "רשת",
    "upload.field.website": "אתר אינטרנט",
    "upload.field.description": "תיאור",
    "upload.field.source": "מקור",
    "upload.field.checked": "תאריך בדיקה",
    "upload.field.coordinates": "קואורדינטות",
    "upload.field.geometry": "גאומטריה",
    "upload.field.feature": "ישות גאוגרפית",
    "upload.field.properties": "מאפיינים",
    "upload.field.row": "שורה",
    # --- Dataset validation ---
    "data.error.located": "{where}: {message}",
    "data.where.row": "שורה {row}",
    "data.where.field": "שדה '{field}'",
    "data.error.not_utf8": (
        "הקובץ אינו טקסט בקידוד UTF-8 (הבית {byte} כאן); שמרו אותו בקידוד UTF-8 (באקסל: CSV UTF-8)"
    ),
    "data.error.empty_file": "הקובץ ריק",
    "data.error.no_rows": "בקובץ יש שורת כותרות אבל אין בו שורות נתונים",
    "data.error.missing_file": "אין קובץ כזה",
    "data.error.directory": "זו תיקייה, לא קובץ CSV",
    "data.error.no_permission": "אין הרשאה לקרוא את הקובץ",
    "data.error.unreadable": "לא ניתן לקרוא את הקובץ ({reason})",
    "data.error.not_text": "הקובץ אינו טקסט CSV: נראה שזה {kind}",
    "data.error.ragged": (
        "יש בה {cells} תאים, אבל בשורת הכותרות יש {columns} עמודות; "
        "הקיפו במירכאות כפולות תאים שיש בהם פסיק"
    ),
    "data.error.open_quote": "תא במירכאות כפולות נפתח כאן ואינו נסגר (האם הקובץ קטוע?)",
    "data.error.quote": (
        "אחרי תא במירכאות כפולות בא טקסט נוסף; הקיפו את כל התא במירכאות כפולות "
        "והכפילו כל מירכאה שבתוכו"
    ),
    "data.error.duplicate_header": (
        "הכותרת {header!r} מופיעה פעמיים (בעמודות {first} ו־{second}); שנו את שמה של אחת מהן"
    ),
    "data.error.missing_columns": "חסרות עמודות חובה: {columns}",
    "data.error.with_value": "{reason} (הערך {value!r})",
    "data.error.with_suggestion": "{message}; הצעה: {suggestion}",
    "data.problem.required": "שדה חובה, אבל הוא ריק",
    "data.problem.duplicate_id": "המזהה כבר משמש את שורה {row}",
    "data.problem.id_rule": (
        "אינו מזהה תקין: מזהה הוא מילים של אותיות לטיניות קטנות {letters} וספרות {digits} "
        "המחוברות במקף יחיד, עד {length} תווים"
    ),
    "data.problem.unknown_value": "ערך לא מוכר {value!r}; הערכים האפשריים: {expected}",
    "data.problem.no_role": "נדרש לפחות תפקיד אחד",
    "data.problem.country_code": "אינו קוד מדינה לפי התקן {standard}",
    "data.problem.coordinates_together": "יש לציין קו רוחב וקו אורך יחד",
    "data.problem.swapped": (
        "נראה שקו הרוחב וקו האורך הוחלפו זה בזה: הנקודה נמצאת מחוץ ל־{country} ({code}), "
        "אבל בתוכה כשמחליפים ביניהם"
    ),
    "data.problem.range": "חייב להיות מספר בין {low:g} ל־{high:g}",
    "data.problem.outside": "הנקודה נמצאת כ־{km:,.0f} ק״מ מחוץ ל־{country} ({code})",
    "data.problem.year": "חייבת להיות שנה בין {first} ל־{last}",
    "data.problem.website": "חייבת להיות כתובת אינטרנט מסוג {scheme}",
    "links.problem.unknown_id": "אינו מזהה של ארגון במאגר",
    "links.problem.self": "מקשר ארגון לעצמו",
    "links.problem.relation": "אינו סוג קשר מוכר; הסוגים האפשריים: {expected}",
    "links.problem.duplicate": "חוזר על הקשר שבשורה {row}",
    "links.problem.source": "חייב להיות כתובת אינטרנט אחת מסוג {scheme}",
    "links.problem.repeated_network": "מופיע פעמיים",
    "networks.problem.roster_size": "חייב להיות מספר שלם חיובי (מספר החברים ברשימת החברים)",
    "networks.problem.roster_date": "חייב להיות תאריך בכתיב {formats}, לא אחרי היום ({today})",
    "networks.problem.roster_without_source": (
        "ריק, אבל גודל או תאריך של רשימת חברים מחייבים את הדף שבו הרשימה מופיעה"
    ),
    "data.problem.year_order": "שנת הסיום {ended} מוקדמת משנת ההתחלה {started}",
    "data.problem.source": "חייב להיות כתובת אינטרנט אחת או יותר מסוג {scheme}, מופרדות ב־';'",
    "data.problem.checked": "חייב להיות תאריך בכתיב {format}, לא אחרי היום ({today})",
    "data.problem.duplicate_name": "אותו שם, אותה עיר ואותה מדינה כמו בשורה {row}",
    "data.problem.cannot_locate": (
        "לא ניתן לאתר ללא חיבור לרשת את העיר {city!r}, המחוז {region!r} במדינה {code} "
        "(אין מקום כזה, ואין מיקום של מחוז או של מדינה לחזור אליו); ציינו קו רוחב וקו אורך"
    ),
    "data.suggest.value": "האם התכוונתם ל־{value}?",
    "data.suggest.id": "האם התכוונתם ל־{id}?",
    "data.suggest.country": "האם התכוונתם ל־{code} ({name})?",
    "data.suggest.swapped": (
        "קו רוחב {latitude}, קו אורך {longitude} (או סמנו את התיבה לתיקון הקואורדינטות)"
    ),
    "data.suggest.outside": "בדקו את הקואורדינטות ואת המדינה",
    "data.suggest.duplicate_name": "מזגו את שתי השורות, או הבחינו ביניהן",
    "load.unreadable": "לא ניתן לקרוא את הקובץ {path}: {reason}.",
    # --- Column mapping of an upload ---
    "columns.error.unknown_header": (
        "מיפוי העמודות מציין את הכותרת {header!r}, שאינה בקובץ; הכותרות בקובץ הן: {headers}"
    ),
    "columns.error.unknown_column": (
        "מיפוי העמודות ממפה את {header!r} אל {column!r}, שאינה עמודה; העמודות הן: {columns}"
    ),
    "columns.error.repeated": (
        "מיפוי העמודות ממפה כמה כותרות אל {column!r}; מפו כותרת אחת לכל עמודה"
    ),
    # --- The scene file ---
    "scene.label": "שקופית {number} ('{id}')",
    "scene.error.no_file": "קובץ השקופיות {file} אינו קיים.",
    "scene.error.toml": "קובץ השקופיות {file} אינו קובץ TOML תקין: {detail}.",
    "scene.error.no_scenes": "אין בקובץ השקופיות {file} אף רשומת {table}.",
    "scene.error.not_table": "שקופית {number}: נדרשת טבלה של מפתחות, אבל נמצא {entry!r}.",
    "scene.error.duplicate_id": "{label}: המזהה כבר משמש שקופית קודמת.",
    "scene.error.missing": "{label}: חסרים המפתחות {keys}.",
    "scene.error.unknown_keys": "{label}: מפתחות לא מוכרים: {keys}.",
    "scene.error.bad_id": "{label}: {key} חייב להכיל רק אותיות לטיניות קטנות, ספרות ומקפים.",
    "scene.error.empty_text": "{label}: {key} חייב להיות טקסט לא ריק.",
    "scene.error.empty_optional": "{label}: אם {key} מופיע, הוא חייב להיות טקסט לא ריק.",
    "scene.error.filters_table": "{label}: {key} חייב להיות טבלה של ערכי טקסט, למשל {example}.",
    "scene.error.filter_notice": "{label}: {notice} מפתחות המסננים הם: {keys}.",
    "scene.error.view_shape": "{label}: {key} חייב להיות בצורה {example}.",
    "scene.error.view_range": (
        "{label}: ב־{key} נדרשים {lat} בטווח {lat_range}, {lon} בטווח {lon_range} "
        "ו־{zoom} בטווח {zoom_range}, אבל נמצא {view!r}."
    ),
    "scene.error.kind": "{label}: ‏{key} חייב להיות אחד מאלה: {kinds}.",
    "scene.error.timeline_only": '{label}: ‏{keys} שייכים לשקופיות ציר זמן (kind = "timeline").',
    "scene.error.years": (
        "{label}: ‏from, ‏to ו־step חייבים להיות שנים שלמות, 1900 <= from <= to <= {today} "
        "ו־step >= 1 (התקבלו from {first!r}, ‏to {last!r}, ‏step {step!r})."
    ),
    "scene.error.seconds": (
        "{label}: ‏seconds חייב להיות מספר בין 0.2 ל־{most:g} (התקבל {value!r})."
    ),
    "scene.error.braces": "{label}: הסוגריים המסולסלים בכיתוב אינם מתאימים זה לזה.",
    "scene.error.placeholder": (
        "{label}: מציין מיקום לא מוכר בכיתוב {placeholder}; השתמשו באחד מאלה: {allowed}."
    ),
    # --- What every export says about itself ---
    "provenance.heading": "על קובץ הייצוא",
    "provenance.dataset": "מאגר נתונים",
    "provenance.view": "תצוגה",
    "provenance.counts": "ארגונים",
    "provenance.counts_value": "{shown:,} מוצגים מתוך {total:,}",
    "provenance.permalink": "קישור לתצוגה זו",
    "provenance.no_permalink": "(לא זמין)",
    "provenance.generated": "מועד יצירה",
    "provenance.generated_value": "{iso} (שעון UTC)",
    "provenance.version": "גרסת מאגר הנתונים",
    "provenance.version_value": "{version} (מתאריך {date})",
    "provenance.edition_value": (
        "{edition}: מהדורה {version} (מתאריך {date}) והשינויים שהמנחים אישרו מאז "
        "(ההיסטוריה של כל ארגון; changes.csv במהדורה הבאה)"
    ),
    "provenance.licence": "רישיון",
    "provenance.licence_value": "{licence} ({url})",
    "provenance.citation": "לציטוט",
    "provenance.source_line": "מקור: {name}, גרסת מאגר הנתונים {version} ({date}), {licence}.",
    "provenance.files": "קבצים",
    "provenance.csv_note": (
        "{name}: הארגונים שבתצוגה זו. קידוד UTF-8 עם סימן סדר בתים (BOM); "
        "ערכים מרובים בתא אחד מופרדים ב־';'; תא שגיליון אלקטרוני היה קורא כנוסחה "
        "מתחיל בגרש (')."
    ),
    "provenance.about_note": "{name}: תיאור זה.",
    "provenance.basemap": "מפת בסיס: Natural Earth (נחלת הכלל). מפה: Leaflet.",
    # --- Vocabularies ---
    "role.consulting": "ייעוץ",
    "role.consulting.definition": (
        "מייעץ, מכשיר או מנחה שחקנים אחרים בעבודת הקולקטיב אימפקט שלהם."
    ),
    "role.operating": "הפעלה",
    "role.operating.definition": "מפעיל יוזמה, או משמש ארגון השדרה שמתאם אותה.",
    "role.knowledge": "פיתוח ידע",
    "role.knowledge.definition": "מפתח ומפיץ ידע: מחקר, הערכה, פרסומים, רשתות למידה וכנסים.",
    "role.funding": "מימון",
    "role.funding.definition": "מממן יוזמות, ארגוני שדרה או שותפים.",
    "org_type.infrastructure": "ארגון תשתית",
    "org_type.infrastructure.definition": "מפתח ומפיץ את המודל ברמה הארצית או הבין-לאומית.",
    "org_type.backbone": "ארגון שדרה",
    "org_type.backbone.definition": "הארגון, וצוות העובדים הייעודי שלו, שמתאם את השותפים ביוזמה.",
    "org_type.initiative": "יוזמה",
    "org_type.initiative.definition": (
        "יוזמה או שותפות קולקטיב אימפקט חוצת מגזרים, הפועלת בשם משלה."
    ),
    "org_type.funder": "קרן או גוף מממן",
    "org_type.funder.definition": (
        "קרן, קרן קהילתית, United Way, פדרציה או קרן המרכזת משאבים ממספר תורמים."
    ),
    "org_type.consultancy": "חברת ייעוץ",
    "org_type.consultancy.definition": "גוף שעוסק בייעוץ או בהערכה.",
    "org_type.academic": "מוסד אקדמי",
    "org_type.academic.definition": "מרכז אוניברסיטאי או מכון מחקר.",
    "org_type.government": "ממשלה",
    "org_type.government.definition": "משרד ממשלתי, תוכנית ממשלתית או רשות מקומית.",
    "org_type.network": "רשת",
    "org_type.network.definition": "רשת או איגוד של יוזמות.",
    "domain.community-development": "פיתוח קהילה וצמצום עוני",
    "domain.community-development.definition": "פיתוח קהילה והתמודדות עם עוני.",
    "domain.education": "חינוך",
    "domain.education.definition": "חינוך לאורך כל הדרך, מהלידה ועד לקריירה (cradle to career).",
    "domain.stem-education": "חינוך מדעי-טכנולוגי (STEM)",
    "domain.stem-education.definition": "חינוך למדע, לטכנולוגיה, להנדסה ולמתמטיקה.",
    "domain.early-childhood": "גיל הרך",
    "domain.early-childhood.definition": "התפתחות בגיל הרך ומוכנות לבית הספר.",
    "domain.health": "בריאות",
    "domain.health.definition": "בריאות ואיכות חיים.",
    "domain.youth": "נוער וצעירים",
    "domain.youth.definition": "בני נוער וצעירים.",
    "domain.environment": "איכות סביבה",
    "domain.environment.definition": "איכות הסביבה ומשאבי הטבע.",
    "domain.employment": "תעסוקה",
    "domain.employment.definition": "תעסוקה, מיומנויות והזדמנויות כלכליות.",
    "domain.housing": "דיור",
    "domain.housing.definition": "דיור והתמודדות עם חסרי בית.",
    "domain.justice": "צדק ומשפט",
    "domain.justice.definition": "צדק, ביטחון אישי ומניעת אלימות.",
    "domain.food-systems": "מערכות מזון",
    "domain.food-systems.definition": "ביטחון תזונתי ומערכות מזון.",
    "domain.other": "אחר",
    "domain.other.definition": "כל תחום אחר.",
    "scope.metropolitan": "מטרופוליני",
    "scope.metropolitan.definition": "עיר או אזור מטרופולין.",
    "scope.rural": "כפרי",
    "scope.rural.definition": "אזורים כפריים ויישובים קטנים.",
    "scope.regional": "אזורי",
    "scope.regional.definition": "מדינה בתוך מדינה פדרלית, פרובינציה או אזור של כמה מחוזות.",
    "scope.national": "ארצי",
    "scope.national.definition": "מדינה שלמה.",
    "scope.international": "בין-לאומי",
    "scope.international.definition": "כמה מדינות.",
    "world_region.United States": 'ארה"ב',
    "world_region.United States.definition": "ארגונים שמטהם בארצות הברית.",
    "world_region.Canada": "קנדה",
    "world_region.Canada.definition": "ארגונים שמטהם בקנדה.",
    "world_region.Australia": "אוסטרליה",
    "world_region.Australia.definition": "ארגונים שמטהם באוסטרליה.",
    "world_region.Europe": "אירופה",
    "world_region.Europe.definition": (
        "ארגונים שמטהם באירופה כפי שהיא מוגדרת במאגר GeoNames: רוסיה וקפריסין נכללות, "
        "טורקיה אינה נכללת."
    ),
    "world_region.Israel": "ישראל",
    "world_region.Israel.definition": "ארגונים שמטהם בישראל.",
    "world_region.Other": "אחר",
    "world_region.Other.definition": "ארגונים שמטהם בכל מקום אחר.",
    "relation.member_of": "חבר ברשת",
    "relation.member_of.definition": "חבר ברשת שהארגון האחר מפעיל.",
    "relation.member_of.inverse": "ארגון חבר",
    "relation.backbone_of": "ארגון שדרה של",
    "relation.backbone_of.definition": "ארגון השדרה של היוזמה, או מארח אותו.",
    "relation.backbone_of.inverse": "ארגון השדרה",
    "relation.funds": "מממן",
    "relation.funds.definition": "מממן את היוזמה, את ארגון השדרה שלה או שותף בה.",
    "relation.funds.inverse": "ממומן בידי",
    "relation.founded": "ייסד",
    "relation.founded.definition": "ייסד, השיק או יצר את הארגון האחר.",
    "relation.founded.inverse": "נוסד בידי",
    "relation.advises": "ייעוץ ל",
    "relation.advises.definition": "מייעץ, מלווה, מכשיר או מנחה את הארגון האחר.",
    "relation.advises.inverse": "ייעוץ מ",
    "relation.evaluates": "מעריך",
    "relation.evaluates.definition": "מעריך או חוקר את עבודת הארגון האחר.",
    "relation.evaluates.inverse": "מוערך בידי",
    "relation.partners_with": "שותף",
    "relation.partners_with.definition": "שותפים במאמץ של אימפקט קולקטיבי (בשני הכיוונים).",
    "relation.partners_with.inverse": "שותף",
    # --- הצעות: הוספה ותיקון ---
    "page.contribute": "הצעת שינוי",
    "contribute.heading": "הצעת ארגון, קשר או תיקון",
    "contribute.intro": (
        "כל אחד ואחת יכולים להציע שינוי באטלס. שום דבר אינו מתפרסם לפני שסוקר בדק אותו "
        "מול המקור שציינתם, ולכן כל הצעה צריכה דף אינטרנט שתומך בה."
    ),
    "contribute.kind_label": "מה תרצו להציע?",
    "contribute.kind.new_organisation": "ארגון חדש",
    "contribute.kind.new_link": "קשר חדש",
    "contribute.kind.correction": "תיקון",
    "contribute.kind.removal": "הסרה",
    "contribute.subject_label": "על מה",
    "contribute.subject.organisation": "ארגון",
    "contribute.subject.link": "אחד הקשרים שלו",
    "contribute.organisation_label": "ארגון",
    "contribute.organisation_placeholder": "הקלידו חלק משמו",
    "contribute.link_label": "קשר",
    "contribute.link_placeholder": "בחרו אחד מהקשרים שלו",
    "contribute.link_text": "{source} · {relation} · {target}",
    "contribute.no_links": "לארגון הזה עוד אין קשרים באטלס: הציעו במקום זאת קשר חדש.",
    "contribute.choose_first": "בחרו קודם את הארגון.",
    "contribute.details_heading": "הפרטים",
    "contribute.correction_hint": (
        "הטופס מתחיל מהערכים של היום: שנו את מה שאינו נכון, והשינויים יופיעו מתחתיו."
    ),
    "contribute.place_hint": (
        "עיר ומדינה מספיקות כדי למקם את הארגון; אפשר גם לתת קואורדינטות או לבחור נקודה במפה."
    ),
    "contribute.pick_on_map": "בחירת הנקודה במפה",
    "contribute.pick_hint": "לחצו על המפה במקום שבו נמצא הארגון: הקואורדינטות יתמלאו.",
    "contribute.link_hint": "קשר נקרא כך: הארגון הראשון, סוג הקשר, הארגון השני.",
    "contribute.removal_placeholder": (
        "למשל: נסגר ב־2022; אינו עוסק באימפקט קולקטיבי; כפילות של רשומה אחרת"
    ),
    "contribute.choose_placeholder": "בחרו",
    "contribute.year_placeholder": "למשל 2013",
    "contribute.source_placeholder": "https://…",
    "contribute.source_help": ("דף שתומך במה שאתם מציעים: האתר של הארגון עצמו, דוח, כתבה."),
    "contribute.about_you": "עליכם (לא חובה)",
    "contribute.privacy": (
        "השם והדוא״ל אינם חובה. הם נשמרים עם ההצעה לעיני הסוקרים בלבד: לעולם אינם מוצגים, "
        "ואינם מופיעים בשום הורדה או בממשק ה־API."
    ),
    "contribute.honeypot": "השאירו את השדה הזה ריק",
    "contribute.required": "{label} (חובה)",
    "contribute.submit": "שליחת ההצעה",
    "contribute.changes_heading": "מה משתנה",
    "contribute.changes_none": "עדיין שום דבר אינו משתנה: ערכו את הערכים השגויים.",
    "contribute.change.field": "שדה",
    "contribute.change.before": "היום",
    "contribute.change.after": "מוצע",
    "contribute.empty_value": "(ריק)",
    "contribute.duplicates_heading": "כבר באטלס?",
    "contribute.duplicates_intro": (
        "אלה נראים כמו הארגון שאתם מוסיפים. אם זה אחד מהם, הציעו לו תיקון במקום זאת."
    ),
    "contribute.duplicate_item": "{name}: {why}",
    "contribute.duplicate_map": "הצגת {name} במפה",
    "contribute.duplicate_correct": "הצעת תיקון ל־{name}",
    "contribute.problems_heading": "יש לתקן את אלה לפני השליחה:",
    "contribute.problem_item": "{field}: {reason}",
    "contribute.thanks": (
        "תודה. ההצעה שלכם נשמרה בתור {ref}: ציינו את המספר הזה בכל פנייה בעניינה. סוקר "
        "בודק אותה לפני שמשהו מתפרסם."
    ),
    "contribute.status_link": "המצב של {ref}",
    "contribute.another": "הצעה נוספת",
    "contribute.paused.unreachable": (
        "קבלת ההצעות מושהית: אין כרגע גישה למסד הנתונים. מה שתקלידו יישאר כאן; נסו לשלוח "
        "שוב בעוד כמה דקות."
    ),
    "contribute.paused.off": (
        "השרת הזה אינו מקבל הצעות. המפה, התרשימים, הרשת, הנתונים וההורדות עובדים כרגיל."
    ),
    "contribute.paused.ceiling#one": (
        "קבלת ההצעות מושהית: האטלס קיבל היום כמה שהסוקרים יכולים לקרוא. מה שתקלידו יישאר "
        "כאן; נסו שוב בעוד כשעה."
    ),
    "contribute.paused.ceiling#two": (
        "קבלת ההצעות מושהית: האטלס קיבל היום כמה שהסוקרים יכולים לקרוא. מה שתקלידו יישאר "
        "כאן; נסו שוב בעוד כשעתיים."
    ),
    "contribute.paused.ceiling#other": (
        "קבלת ההצעות מושהית: האטלס קיבל היום כמה שהסוקרים יכולים לקרוא. מה שתקלידו יישאר "
        "כאן; נסו שוב בעוד כ־{n} שעות."
    ),
    "contribute.quota_client#one": (
        "שלחתם {limit} הצעות בשעה האחרונה: המתינו דקה לפני שתשלחו הצעה נוספת. מה שהקלדתם נשאר כאן."
    ),
    "contribute.quota_client#two": (
        "שלחתם {limit} הצעות בשעה האחרונה: המתינו כשתי דקות לפני שתשלחו הצעה נוספת. מה "
        "שהקלדתם נשאר כאן."
    ),
    "contribute.quota_client#other": (
        "שלחתם {limit} הצעות בשעה האחרונה: המתינו כ־{n} דקות לפני שתשלחו הצעה נוספת. מה "
        "שהקלדתם נשאר כאן."
    ),
    "contribute.refused": "לא ניתן היה לשלוח את הטופס.",
    "contribute.status_heading": "הצעה {ref}",
    "contribute.status.kind": "סוג",
    "contribute.status.target": "על מה",
    "contribute.status.status": "מצב",
    "contribute.status.created": "נשלחה",
    "contribute.status.updated": "שונתה לאחרונה",
    "contribute.status_not_found": "אין הצעה שמספרה {ref}.",
    "contribute.status_unavailable": "אי אפשר לקרוא את המצב כרגע: אין גישה למסד הנתונים.",
    "contribute.lookup_label": "חיפוש הצעה לפי המספר שלה",
    "contribute.lookup_placeholder": "S-000123",
    "status.pending": "ממתינה לבדיקה",
    "status.approved": "אושרה",
    "status.rejected": "לא התקבלה",
    "status.merged": "נכנסה לאטלס",
    "status.withdrawn": "בוטלה",
    "detail.suggest": "הצעת תיקון",
    "field.name": "שם",
    "field.name_he": "שם בעברית",
    "field.roles": "תפקידים",
    "field.org_type": "סוג",
    "field.domains": "תחומים",
    "field.scope": "היקף גאוגרפי",
    "field.city": "עיר",
    "field.region": "אזור, מדינה או מחוז",
    "field.country_code": "מדינה",
    "field.latitude": "קו רוחב",
    "field.longitude": "קו אורך",
    "field.year_started": "השנה שבה החלה עבודת האימפקט הקולקטיבי",
    "field.year_ended": "שנת הסיום",
    "field.network": "הרשתות שהוא חבר בהן",
    "field.website": "אתר אינטרנט",
    "field.description": "תיאור",
    "field.source_id": "הארגון הראשון",
    "field.target_id": "הארגון השני",
    "field.relation": "סוג הקשר",
    "field.since": "החל משנת",
    "field.until": "עד שנת",
    "field.source": "מקור: דף אינטרנט שתומך בהצעה",
    "field.reason": "מדוע להסיר?",
    "field.note": "הערה לסוקרים",
    "field.contact_name": "השם שלכם",
    "field.contact_email": "הדוא״ל שלכם",
    "field.kind": "סוג",
    "field.target": "על מה ההצעה",
    "field.values": "הערכים",
    "field.lang": "שפה",
    "field.contact": "פרטי קשר",
    "suggest.problem.not_text": "חייב להיות טקסט",
    "suggest.problem.one_value": "מקבל ערך אחד, לא רשימה",
    "suggest.problem.unknown_member": "אינו חלק מהבקשה; האפשרויות: {expected}",
    "suggest.problem.target_type": (
        "חייב להיות מזהה של ארגון, או source_id,‏ target_id ו־relation של קשר"
    ),
    "suggest.problem.not_object": "גוף הבקשה חייב להיות אובייקט JSON",
    "suggest.problem.values": "חייב להיות אובייקט של שדות וערכיהם",
    "suggest.problem.kind": "אינו סוג של הצעה; הסוגים האפשריים: {expected}",
    "suggest.problem.source_required": "ציינו דף אינטרנט שתומך בהצעה",
    "suggest.problem.source": "חייב להיות כתובת אינטרנט אחת מסוג http(s)",
    "suggest.problem.lang": "אינה שפה של האטלס; השפות האפשריות: {expected}",
    "suggest.problem.no_target": "ארגון או קשר חדשים אינם עוסקים ברשומה קיימת",
    "suggest.problem.removal_values": "הסרה אינה משנה שום שדה: כתבו את הסיבה",
    "suggest.problem.reason_required": "כתבו מדוע יש להסיר",
    "suggest.problem.no_change": "אינו משנה דבר: כל הערכים זהים לערכים של היום",
    "suggest.problem.unknown_field": "אינו שדה שההצעה הזו יכולה לקבוע; האפשרויות: {expected}",
    "suggest.problem.no_values": "לא ניתן שום ערך",
    "suggest.problem.target_required": "ציינו את הארגון או את הקשר שההצעה עוסקת בו",
    "suggest.problem.unknown_link": "אינו קשר באטלס",
    "suggest.problem.link_exists": "שני הארגונים האלה כבר מקושרים כך",
    "suggest.duplicate.website": "אותו אתר אינטרנט ({host})",
    "suggest.duplicate.name": "שם דומה באותה מדינה",
    "validate.problem.too_long#one": "באורך {length:,} תווים; המגבלה היא תו אחד",
    "validate.problem.too_long#two": "באורך {length:,} תווים; המגבלה היא שני תווים",
    "validate.problem.too_long#other": "באורך {length:,} תווים; המגבלה היא {n:,}",
    "validate.problem.email": "אינה כתובת דוא״ל",
    "validate.problem.control": "מכיל תו שאי אפשר לשמור ({code})",
    "api.problem.not_json": "גוף הבקשה חייב להיות אובייקט JSON שנשלח כ־application/json.",
    "api.problem.too_large": "גוף הבקשה גדול מ־{limit:,} בתים.",
    "api.problem.invalid#one": "יש בהצעה בעיה אחת: ראו errors.",
    "api.problem.invalid#two": "יש בהצעה שתי בעיות: ראו errors.",
    "api.problem.invalid#other": "יש בהצעה {n} בעיות: ראו errors.",
    "api.problem.quota_client#one": ("הלקוח הזה שלח {limit} הצעות בשעה האחרונה: נסו שוב בעוד דקה."),
    "api.problem.quota_client#two": (
        "הלקוח הזה שלח {limit} הצעות בשעה האחרונה: נסו שוב בעוד שתי דקות."
    ),
    "api.problem.quota_client#other": (
        "הלקוח הזה שלח {limit} הצעות בשעה האחרונה: נסו שוב בעוד {n} דקות."
    ),
    "api.problem.quota_global": (
        "קבלת ההצעות מושהית: האטלס קיבל את {limit} ההצעות של 24 השעות האחרונות. נסו שוב מאוחר יותר."
    ),
    "api.problem.suggestions_unavailable": (
        "קבלת ההצעות מושהית: אין גישה למסד הנתונים. שום דבר לא נשמר; נסו שוב מאוחר יותר."
    ),
    "api.problem.off": "השרת הזה אינו מקבל הצעות.",
    "api.problem.not_found": "אין הצעה שמספרה {ref}.",
    # Moderation (issue #21) -------------------------------------------------------------
    "moderate.action.approve": "אושרה",
    "moderate.action.reject": "נדחתה",
    "moderate.action.merge": "מוזגה",
    "moderate.error.already_decided": (
        "{ref} כבר {action} על ידי {moderator} ב־{at}: שום דבר לא שונה."
    ),
    "moderate.error.not_moderator": "{who} אינו ברשימת המנחים: שום דבר לא שונה.",
    "moderate.error.unknown": "אין הצעה שמספרה {ref}.",
    "moderate.error.not_pending": "{ref} במצב {status} ואינה ממתינה להחלטה: שום דבר לא שונה.",
    "moderate.error.invalid": (
        'אי אפשר להחיל את ההחלטה: {field} "{value}" {reason} ({n} בעיות בסך הכול). שום דבר לא שונה.'
    ),
    "moderate.error.identity": ('"{value}" אינו כתובת דוא"ל ואינו מזהה OpenID Connect ‏(sub:...).'),
    "moderate.error.name": "שם של מנחה חייב להיות טקסט פשוט של עד 200 תווים.",
    "moderate.error.action": '"{value}" אינה החלטה; האפשרויות: approve, reject או merge.',
    "moderate.error.reason_required": "דחייה צריכה נימוק: המציע וההיסטוריה מציגים אותו.",
    "moderate.error.incomplete": (
        "כל ארגון במהדורה חייב לכלול {fields}, ול־{org} לא יהיו: "
        "יש לאשר אחרי שממלאים אותם (עריכת הערכים בדף הבדיקה; ‎--set FIELD=VALUE "
        "בשורת הפקודה). שום דבר לא שונה."
    ),
    "moderate.problem.release_required": "נדרש במהדורה: יש למלא אותו לפני האישור",
    "moderate.error.merge_kind": "רק ארגון חדש אפשר למזג לתוך ארגון קיים.",
    "admin.error.set": '‏--set מקבל FIELD=VALUE, ולא "{value}".',
    # The Review page (issue #21: mapping/ui/review.py) -----------------------------------
    "page.review": "בדיקה",
    "review.heading": "בדיקת הצעות",
    "review.intro": (
        "המנחים בודקים את ההצעות שהמבקרים שולחים: כל הצעה מאושרת (אולי אחרי עריכת ערך), "
        "נדחית עם נימוק, או ממוזגת לתוך ארגון שכבר נמצא באטלס. "
        "כדי לבדוק יש להתחבר; מבקרים לעולם אינם צריכים להתחבר."
    ),
    "review.sign_in": "התחברות",
    "review.sign_out": "התנתקות",
    "review.no_signin": (
        "בשרת הזה לא הוגדרה התחברות. המנחים מחליטים משורת הפקודה: "
        "‎python -m mapping.admin queue, show, approve, reject, merge."
    ),
    "review.signed_in_as": "מחובר/ת בתור {who}",
    "review.not_moderator": (
        "התחברת בתור {who}, שאינו ברשימת המנחים: אין כאן מה לבדוק. "
        "מפעיל המערכת מוסיף מנחים בפקודה ‎python -m mapping.admin moderators add."
    ),
    "review.unavailable": (
        "מסד הנתונים של ההצעות אינו עונה כעת: אי אפשר לבדוק או להחליט. "
        "האטלס נשאר זמין לקריאה; כדאי לנסות שוב בעוד רגע."
    ),
    "review.filter.kind": "סוג",
    "review.filter.country": "מדינה",
    "review.filter.all": "הכול",
    "review.count": "{n:,} מתוך {total:,} הצעות ממתינות, הוותיקות ראשונות",
    "review.empty": "אין הצעה ממתינה שמתאימה לסינון.",
    "review.sent": "נשלחה ב־{at} (שעון UTC)",
    "review.source": "מקור:",
    "review.reason": "הנימוק שניתן:",
    "review.note": "הערה למנחים:",
    "review.removal": "מסירה את {org} ואת הקשרים שלו מהאטלס.",
    "review.column.field": "שדה",
    "review.column.today": "היום",
    "review.column.proposed": "מוצע",
    "review.duplicate": "כפילות אפשרית: {name} ({org}): {why}",
    "review.verdict.ok": "הבודק לא מצא בעיה: אפשר לאשר כפי שהיא.",
    "review.verdict.problems": "אי אפשר לאשר אותה כפי שהיא:",
    "review.action": "החלטה",
    "review.action.approve": "אישור",
    "review.action.reject": "דחייה",
    "review.action.merge": "מיזוג לתוך ארגון קיים",
    "review.edit": "עריכת ערכים לפני האישור",
    "review.merge_into": "מיזוג לתוך (מזהה הארגון)",
    "review.merge_help": (
        "המזהה של הארגון שכבר נמצא באטלס: השדות הריקים שלו ימולאו, ושום ערך לא יידרס."
    ),
    "review.reason_label": "נימוק (חובה בדחייה; נשמר בהיסטוריה)",
    "review.decide": "החלטה",
    "review.done.approve": "{ref} אושרה: {changes} שינויים באטלס החי.",
    "review.done.reject": "{ref} נדחתה; הנימוק נשמר בהיסטוריה.",
    "review.done.merge": "{ref} מוזגה: {changes} שינויים באטלס החי.",
    # History and the live edition (issue #21) ------------------------------------------
    "history.heading": "היסטוריה",
    "history.empty": "אין שינויים מאז המהדורה: כל הערכים כפי שפורסמו.",
    "history.unavailable": "אי אפשר לקרוא את ההיסטוריה כעת (מסד הנתונים אינו עונה).",
    "history.moderator": "מנחה",
    "history.action.add": "נוסף",
    "history.action.set": "שונה",
    "history.action.remove": "הוסר",
    "history.action.reject": "הצעה שלא התקבלה",
    "history.column.when": "מתי (UTC)",
    "history.column.who": "הוחלט על ידי",
    "history.column.what": "מה",
    "history.column.field": "שדה",
    "history.column.old": "לפני",
    "history.column.new": "אחרי",
    "history.column.reason": "נימוק",
    "history.column.source": "מקור",
    "history.removed": "{name} ({org}) הוסר מהאטלס ב־{date}. נימוק: {reason}",
    "release.error.nothing": "אין מה לפרסם: לא אושר דבר מאז {version}.",
    "release.error.version": "{version} אינה גרסה חדשה (X.Y.Z, שונה מהנוכחית).",
    "release.error.invalid": "המהדורה אינה עוברת בדיקה, ולכן שום דבר לא נכתב: {reason}",
    # --- הטמעה (mapping/embed.py, mapping/ui/embed.py) ---
    "embed.action": "הטמעה",
    "embed.help": "הצגת התצוגה הזו באתר אחר: היא נפתחת בלי הסרגל הצדי, לקריאה בלבד.",
    "embed.intro": (
        "הדביקו את הקוד הזה בדף אינטרנט. הוא מציג את התצוגה כפי שהיא עכשיו (המסננים, השפה "
        "ובמפה גם המקום וההגדלה), בלי הסרגל הצדי, עם קישור חזרה לכאן."
    ),
    "embed.width": "רוחב (פיקסלים)",
    "embed.height": "גובה (פיקסלים)",
    "embed.code": "קוד ההטמעה",
    "embed.copy": "העתקת הקוד",
    "embed.copied": "הקוד הועתק.",
    "embed.open": "פתיחה באטלס",
    "embed.title": "{app} — {page}: {view}",
    "embed.oembed": "אתרים שקוראים oEmbed (וורדפרס, Notion) יכולים להטמיע את הקישור לדף עצמו.",
    # --- ממשק ה־API ‏(mapping/api): התיעוד והבעיות ---
    "api.title": "ה־API של אטלס קולקטיב אימפקט",
    "api.summary": (
        "הארגונים שבאטלס, הקשרים ביניהם, הרשתות בעלות השם והמספרים שמאחורי התרשימים, "
        "ב־JSON, ב־CSV וב־GeoJSON."
    ),
    "api.description": (
        "כל תצוגה של האטלס היא גם נתונים: למסננים של כתובות הדפים (role, country, domain, "
        "region, type, scope, q, year, asof, linked, network) יש כאן אותם שמות ואותה משמעות, "
        "כך שהקישור לדף וקריאת ה־API שלו בוחרים את אותן שורות. כל תשובה מציינת את גרסת "
        "הנתונים, את הרישיון (CC BY 4.0) ואת אופן הציטוט."
    ),
    "api.docs": "התיעוד של ה־API",
    "api.docs.intro": (
        "לקריאה בלבד, בלי מפתח, מכל אתר (CORS). כל תצוגה של האטלס היא גם נתונים: העתיקו את "
        "מחרוזת השאילתה של דף אחרי כתובת של ה־API והיא תבחר את אותן שורות."
    ),
    "api.docs.openapi": "התיאור ב־OpenAPI 3.1",
    "api.docs.cite": "הנתונים חופשיים לשימוש בציון המקור. יש לצטט כך:",
    "api.docs.licence": "רישיון הנתונים",
    "api.docs.contents": "תוכן העניינים",
    "api.docs.heading.start": "התחלה מהירה",
    "api.docs.heading.filters": "מסננים",
    "api.docs.heading.resources": "משאבים",
    "api.docs.heading.errors": "שגיאות",
    "api.docs.heading.caching": "מטמון, גרסאות וציטוט",
    "api.docs.heading.embeds": "הטמעת תצוגה",
    "api.docs.heading.fields": "השדות של ארגון",
    "api.docs.filters_intro": (
        "כל רשימה מקבלת את המסננים של כתובות הדפים באטלס. כמה ערכים של מסנן אחד מופרדים "
        "בפסיקים ומשמעם כל אחד מהם; מסננים שונים חלים כולם יחד. שאר הפרמטרים של דף (lang, "
        "zoom, lat, lon, org...) יכולים להישאר: הם אינם משפיעים, מלבד lang (שפת המשפטים "
        "שבתשובה) ו־by (החלוקה של תרשים הצמיחה)."
    ),
    "api.docs.country_codes": "קודי ISO 3166-1 בני שתי אותיות (US, CA, AU, IL, GB...)",
    "api.docs.column.parameter": "פרמטר",
    "api.docs.column.meaning": "משמעות",
    "api.docs.column.values": "ערכים",
    "api.docs.column.example": "דוגמה",
    "api.docs.column.default": "ברירת מחדל",
    "api.docs.column.field": "שדה",
    "api.docs.column.status": "קוד",
    "api.docs.formats": "תבניות (‎format=‎ או הכותרת Accept)",
    "api.docs.try": "לנסות",
    "api.docs.with_filters": "כל המסננים שלמעלה.",
    "api.docs.errors": (
        "שגיאה היא אובייקט problem details ‏(RFC 9457, ‏application/problem+json): השדה detail "
        "מסביר מה השתבש, ובפרמטר שגוי הרשימה errors מציינת כל פרמטר, את הערך ואת הסיבה."
    ),
    "api.docs.error.bad-parameter": (
        "לא ניתן להשתמש בפרמטר: שם לא מוכר, ערך שהמסנן אינו מקבל, שנה שגויה, סמן (cursor) "
        "של מיון אחר."
    ),
    "api.docs.error.gone": (
        "הארגון הוסר מהאטלס: התשובה מציינת מתי, מדוע, איזה מנחה החליט ועל סמך איזו הצעה, "
        "ומקשרת לדף שלו באטלס, שאומר אותו דבר (המזהה שלו לעולם לא יינתן לאחר)."
    ),
    "api.docs.error.not-found": "אין ארגון עם המזהה הזה, או אין משאב בכתובת הזו.",
    "api.docs.error.method": "ה־API לקריאה בלבד: GET (ו־HEAD) בלבד.",
    "api.docs.error.unavailable": "לא ניתן לקרוא את הנתונים כרגע; נסו שוב מאוחר יותר.",
    "api.docs.caching": (
        "כל תשובה מציינת מאילו נתונים היא באה: ETag ותאריך Last-Modified לפי גרסת הנתונים "
        "(שלחו If-None-Match או If-Modified-Since ותשובה שלא השתנתה תהיה 304 קצרה), "
        "Cache-Control ‏(60 שניות), והכותרות Atlas-Edition ‏(המהדורה החיה: הגרסה והשינויים "
        "שאושרו מאז, למשל 2.1.0+17), ‏Atlas-Data-Version ‏(הגרסה), ‏Atlas-Licence ו־"
        "Atlas-Citation; בתשובות JSON יש גם שדה dataset עם אותם פרטים. כל אתר רשאי לקרוא את "
        "ה־API ‏(CORS). תשובות גדולות נדחסות ב־gzip כשהלקוח מקבל זאת."
    ),
    "api.docs.embeds": (
        "בדפי המפה, התרשימים והרשת יש פעולת הטמעה: היא נותנת iframe של התצוגה הנוכחית, "
        "שנפתחת בלי הסרגל הצדי, לקריאה בלבד, עם קישור לפתיחתה באטלס. אתרים שקוראים oEmbed "
        "(וורדפרס, Notion) יכולים לפנות אל ‎/api/v1/oembed‎ עם הקישור לדף. אילו אתרים רשאים "
        "להטמיע את האטלס נקבע ב־ATLAS_EMBED_ORIGINS (כל אתר כברירת מחדל)."
    ),
    "api.tag.organisations": "הארגונים שתצוגה בוחרת, וארגון אחד.",
    "api.tag.links": "הקשרים בין הארגונים של תצוגה.",
    "api.tag.networks": "הרשתות בעלות השם והחברים בהן בתצוגה.",
    "api.tag.stats": "המספרים שמאחורי התרשימים.",
    "api.tag.embeds": "הטמעת תצוגה באתר אחר.",
    "api.tag.about": "ה־API הזה: נקודת הכניסה, התיאור והתיעוד.",
    "api.op.listOrganisations.summary": "הארגונים שהמסננים של תצוגה בוחרים.",
    "api.op.listOrganisations.description": (
        "JSON, עמוד אחר עמוד (limit, ‏cursor; כתובת העמוד הבא בשדה next); CSV ו־GeoJSON מכילים "
        "את כל השורות המתאימות, בזרימה. קובץ ה־CSV זהה להורדת ה־CSV בדף הנתונים: UTF-8 עם "
        "סימן סדר בתים, שדות מרובי ערכים מחוברים ב־';', ולפני תאים שגיליון אלקטרוני היה קורא "
        "כנוסחה נוסף גרש."
    ),
    "api.op.getOrganisation.summary": "ארגון אחד והקשרים שלו.",
    "api.op.getOrganisation.description": (
        "כל השדות, כל הקשרים בשני הכיוונים (עם שם הארגון האחר), והדף באטלס שפותח אותו; גם "
        "כ־JSON-LD ‏(schema.org Organization)."
    ),
    "api.op.listLinks.summary": "הקשרים בין הארגונים של תצוגה.",
    "api.op.listLinks.description": (
        "קשר נכלל בתצוגה כששני הארגונים שלו נכללים בה (תחת linked, הארגון שבו מדובר נחשב "
        "כנכלל: הקשר אליו הוא הסיבה שכל אחד מהאחרים מופיע), ובתצוגה לפי שנה, כשהוא בתוקף "
        "באותה שנה. קובץ ה־CSV זהה להורדת הקשרים בדף הנתונים."
    ),
    "api.op.listNetworks.summary": "הרשתות בעלות השם, עם החברים בהן בתצוגה.",
    "api.op.listNetworks.description": (
        "המזהה של רשת הוא המזהה של הארגון המפעיל אותה: הערך של המסנן network. השדה members "
        "סופר את החברים בה מבין הארגונים של התצוגה."
    ),
    "api.op.getStats.summary": "המספרים שמאחורי התרשימים של תצוגה בדף התרשימים.",
    "api.op.getStats.description": (
        "ארגונים לפי אזור בעולם, תפקידים ותחומים לפי אזור, ארגונים פעילים בכל שנה (לפי אזור "
        "או תפקיד; כל השנים, עם סימון שנת התצוגה) והמדינות המובילות, עם קודים ותוויות."
    ),
    "api.op.getOembed.summary": "oEmbed לתצוגה של המפה, התרשימים או הרשת.",
    "api.op.getOembed.description": (
        "שלחו כתובת של דף ב־url: התשובה (מסוג rich) מכילה את אותו iframe שנותנת פעולת ההטמעה "
        "בדף. כתובת של אתר אחר, או של דף שאי אפשר להטמיע, מקבלת 404."
    ),
    "api.op.getIndex.summary": "נקודת הכניסה ל־API.",
    "api.op.getIndex.description": "המשאבים, התיאור, התיעוד והנתונים.",
    "api.op.getOpenapi.summary": "התיאור של ה־API הזה ב־OpenAPI 3.1.",
    "api.op.getOpenapi.description": "נוצר מההגדרות של ה־API עצמו.",
    "api.op.getDocs.summary": "התיעוד הזה.",
    "api.op.getDocs.description": "באנגלית או בעברית (lang=he).",
    "api.param.q": "מילים לחיפוש בשמות (בעברית או באנגלית), בתיאורים ובערים; בלי הבחנה בין אותיות.",
    "api.param.role": "ארגונים שממלאים אחד מהתפקידים האלה.",
    "api.param.country": "ארגונים באחת מהמדינות האלה (קודי ISO 3166-1 בני שתי אותיות).",
    "api.param.region": "ארגונים באחד מהאזורים האלה בעולם.",
    "api.param.domain": "ארגונים שפועלים באחד מהתחומים האלה.",
    "api.param.type": "ארגונים מאחד מהסוגים האלה.",
    "api.param.scope": "ארגונים שעבודתם מגיעה עד כאן (אחד מההיקפים האלה).",
    "api.param.year": (
        "השנה שבה החלה עבודת האימפקט הקולקטיבי: 2010-2015, ‏2010- (מ־), ‏-2015 (עד) או 2013. "
        "ארגונים ללא שנת התחלה אינם נכללים."
    ),
    "api.param.asof": (
        "פעילים באותה שנה: התחילו עד אז ולא סיימו לפניה. ארגונים ללא שנת התחלה אינם נכללים; "
        "קשר נספר אלא אם ה־since שלו מאוחר יותר או ה־until שלו מוקדם יותר."
    ),
    "api.param.network": "המזהה של הארגון המפעיל רשת בעלת שם: החברים בה והוא עצמו.",
    "api.param.linked": "מזהה של ארגון: הוא וכל הארגונים המקושרים אליו ישירות.",
    "api.param.format": "התבנית של התשובה (אחרת הכותרת Accept קובעת).",
    "api.param.limit": "כמה שורות בעמוד JSON.",
    "api.param.cursor": "היכן הסתיים העמוד הקודם (קחו אותו מהכתובת שבשדה next).",
    "api.param.sort": (
        "עמודות למיון, מופרדות בפסיקים; '-' לפני עמודה ממיין אותה בסדר יורד. ערכים ריקים "
        "באים אחרונים; בתיקו נשמר הסדר שבקובץ."
    ),
    "api.param.fields": "השדות שבכל שורה, מופרדים בפסיקים, בסדר הזה.",
    "api.param.lang": "שפת המשפטים שבתשובה (en או he).",
    "api.param.by": "החלוקה של תרשים הצמיחה: לפי אזור בעולם או לפי תפקיד.",
    "api.param.url": "הכתובת של תצוגת מפה, תרשימים או רשת באטלס הזה.",
    "api.param.maxwidth": "הרוחב המרבי של ההטמעה, בפיקסלים.",
    "api.param.maxheight": "הגובה המרבי של ההטמעה, בפיקסלים.",
    "api.param.oembed_format": "json (לבקשת xml של oEmbed התשובה היא 501 Not Implemented).",
    "api.param.id": "המזהה של הארגון (כמו בשדה id).",
    "api.field.world_region": "האזור בעולם שבו התרשימים סופרים אותו (לפי המדינה).",
    "api.field.location_precision": (
        "עד כמה מדויק מיקומו: קואורדינטות שניתנו, או אלה של העיר, המחוז או המדינה."
    ),
    "api.field.source_name": "שם הארגון שממנו הקשר נקרא.",
    "api.field.history": (
        "ההיסטוריה שלו, מהישן לחדש: כל שינוי שאישור עשה בו (שדה, לפני, אחרי, מקור, הצעה) וכל "
        "הצעה עליו שלא התקבלה, עם הסיבה, כפי שהקובץ data/changes.csv מפרסם את היומן (מנחים "
        "בשמם, לעולם לא בכתובת הדוא״ל). null כשמסד הנתונים אינו עונה."
    ),
    "api.header.ETag": "גרסת התשובה: משתנה כשהנתונים או ההיסטוריה שלהם משתנים.",
    "api.header.Last-Modified": "מתי השתנו לאחרונה הנתונים או ההיסטוריה שלהם (גרסה, אישור).",
    "api.header.Atlas-Data-Version": "הגרסה שממנה הנתונים מתחילים, ותאריכה.",
    "api.header.Atlas-Edition": (
        "המהדורה החיה: גרסת הנתונים ומספר השינויים שאושרו מאז (2.1.0+17). ציינו אותה עם התאריך."
    ),
    "api.header.Atlas-Data-Revision": "מזהה של הנתונים ושל ההיסטוריה שלהם כפי שהם מוגשים עכשיו.",
    "api.header.Atlas-Licence": "רישיון הנתונים.",
    "api.header.Atlas-Citation": "איך לצטט את הנתונים (בקידוד אחוזים כשאינו ASCII).",
    "api.field.target_name": "שם הארגון שאליו הקשר נקרא.",
    "api.response.304": "לא השתנה: העותק שבידיכם עדיין עדכני.",
    "api.response.400": "לא ניתן להשתמש בפרמטר (כל אחד מצוין, עם הערך שלו).",
    "api.response.410": "הוסר: הארגון הוסר מהאטלס (מתי, מדוע ואיזה מנחה החליט מצוינים).",
    "api.response.404": "לא נמצא (המזהה או הכתובת מצוינים).",
    "api.response.501": "לא מומש: oEmbed עונה ב־JSON בלבד.",
    "api.response.503": "לא ניתן לקרוא את הנתונים כרגע.",
    "api.problem.unknown_parameter": "‏{key} אינו פרמטר כאן.",
    "api.problem.unknown_value": "‏{key}: '{value}' אינו אחד מהערכים שלו.",
    "api.problem.bad_year_range": (
        "‏{key}: '{value}' אינו טווח שנים (למשל 2010-2015, ‏2010-, ‏-2015 או 2013)."
    ),
    "api.problem.bad_year": "‏{key}: '{value}' אינו שנה בין {first} ל־{last}.",
    "api.problem.bad_id": (
        "‏{key}: '{value}' אינו מזהה ארגון: מזהה הוא מילים של אותיות לטיניות קטנות a-z "
        "וספרות 0-9 המחוברות במקף יחיד, עד {length} תווים."
    ),
    "api.problem.unknown_linked": "‏{key}: אין ארגון עם המזהה '{value}'.",
    "api.problem.unknown_network": "‏{key}: '{value}' אינו מזהה של ארגון המפעיל רשת בעלת שם.",
    "api.problem.format": "format: '{value}' אינו אחד מאלה: {formats}.",
    "api.problem.limit": "limit: '{value}' אינו מספר שלם בין {first} ל־{last}.",
    "api.problem.size": "'{value}' אינו מספר שלם של פיקסלים בין {first} ל־{last}.",
    "api.problem.cursor": (
        "cursor: '{value}' אינו סמן של ה־API הזה (קחו אותו מהכתובת שבשדה next של עמוד)."
    ),
    "api.problem.cursor_sort": (
        "cursor: הוא ממשיך רשימה שמוינה לפי '{sort}'; בקשו עם אותו מיון, או התחילו מחדש."
    ),
    "api.problem.sort": "sort: '{value}' אינו עמודה שאפשר למיין לפיה ({columns}).",
    "api.problem.sort_repeated": "sort: '{value}' מציין עמודה פעמיים.",
    "api.problem.field": "fields: '{value}' אינו שדה ({columns}).",
    "api.problem.no_fields": "fields: '{value}' אינו מציין אף שדה.",
    "api.problem.lang": "lang: '{value}' אינו אחד מאלה: {languages}.",
    "api.problem.choice": "‏{key}: '{value}' אינו אחד מאלה: {choices}.",
    "api.problem.required": "‏{key} הוא פרמטר חובה.",
    "api.problem.gone": "{name} ({value}) הוסר מהאטלס ב־{date}. הסיבה: {reason}",
    "api.problem.not_found.organisation": "אין ארגון עם המזהה '{value}'.",
    "api.problem.not_found.path": "אין ב־API משאב בכתובת '{value}'.",
    "api.problem.method": "ה־API לקריאה בלבד: {method} אינו מותר כאן.",
    "api.problem.oembed_xml": "ספק ה־oEmbed הזה עונה ב־JSON בלבד.",
    "api.problem.oembed_url": "'{value}' אינו כתובת של תצוגת מפה, תרשימים או רשת באטלס הזה.",
    "api.problem.unavailable": "לא ניתן לקרוא את הנתונים: {reason}",
}
