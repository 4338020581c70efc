//! UI languages and every string the widget shows that is not the article's.
//!
//! Plain data, shared by the browser render and the server render, so the
//! two always agree.

/// The UI languages the widget speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Ru,
}

impl Lang {
    /// Reads a BCP 47 tag by its primary subtag: `ru`, `ru-RU`, `EN-gb`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Ru => &RU,
        }
    }
}

/// The UI strings of one language.
pub struct Strings {
    pub loading: &'static str,
    pub by: &'static str,
    pub published: &'static str,
    pub updated: &'static str,
    /// Followed by the publisher's name or host: "Read on The Moscow Times".
    pub read_on: &'static str,
    pub read_more: &'static str,
    pub support_us: &'static str,
    pub remind_later: &'static str,
    pub remind_prompt: &'static str,
    /// Before the date in the snooze confirmation.
    pub snoozed_until: &'static str,
    pub dismiss_banner: &'static str,
    pub donation_region: &'static str,
    pub error_network: &'static str,
    pub error_timeout: &'static str,
    pub error_http: &'static str,
    pub error_content: &'static str,
    pub error_offline: &'static str,
    pub retry: &'static str,
    pub notice: &'static str,
    /// "$6,400 of $10,000".
    pub of: &'static str,
    pub goal_reached: &'static str,
    pub frequency_legend: &'static str,
    pub amount_legend: &'static str,
    pub one_off: &'static str,
    pub monthly: &'static str,
    pub annual: &'static str,
    pub payment_methods: &'static str,
    pub other_amount: &'static str,
    /// Label of the "Other amount" field, followed by the currency code.
    pub amount_in: &'static str,
    pub amount_empty: &'static str,
    pub amount_invalid: &'static str,
    pub amount_not_positive: &'static str,
    pub amount_too_large: &'static str,
    pub months: [&'static str; 12],
}

static EN: Strings = Strings {
    loading: "Loading article…",
    by: "By",
    published: "Published",
    updated: "Updated",
    read_on: "Read on",
    read_more: "Read more",
    support_us: "Support us",
    remind_later: "Remind me later",
    remind_prompt: "Not ready to support today?",
    snoozed_until: "Thanks — we'll ask again after",
    dismiss_banner: "Dismiss",
    donation_region: "Support our journalism",
    error_network: "We couldn't reach the article. Check your connection and try again.",
    error_timeout: "The article is taking too long to load.",
    error_http: "This article isn't available right now.",
    error_content: "This article can't be displayed here.",
    error_offline: "You're offline. The article will load when you're back online.",
    retry: "Try again",
    notice: "Notice",
    of: "of",
    goal_reached: "Goal reached — thank you!",
    frequency_legend: "How often",
    amount_legend: "Amount",
    one_off: "One-off",
    monthly: "Monthly",
    annual: "Annual",
    payment_methods: "Accepted payment methods",
    other_amount: "Other",
    amount_in: "Your amount in",
    amount_empty: "Enter an amount.",
    amount_invalid: "Enter a number, like 15 or 12.50.",
    amount_not_positive: "Enter an amount greater than zero.",
    amount_too_large: "Enter a smaller amount.",
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ],
};

static RU: Strings = Strings {
    loading: "Загрузка статьи…",
    by: "Автор:",
    published: "Опубликовано",
    updated: "Обновлено",
    read_on: "Читать на сайте",
    read_more: "Читайте также",
    support_us: "Поддержать нас",
    remind_later: "Напомнить позже",
    remind_prompt: "Не готовы поддержать сегодня?",
    snoozed_until: "Спасибо! Мы напомним после",
    dismiss_banner: "Закрыть",
    donation_region: "Поддержите нашу журналистику",
    error_network: "Не удалось загрузить статью. Проверьте подключение и попробуйте снова.",
    error_timeout: "Статья загружается слишком долго.",
    error_http: "Статья сейчас недоступна.",
    error_content: "Эту статью нельзя показать здесь.",
    error_offline: "Нет подключения к интернету. Статья загрузится, когда связь восстановится.",
    retry: "Попробовать снова",
    notice: "Объявление",
    of: "из",
    goal_reached: "Цель достигнута — спасибо!",
    frequency_legend: "Как часто",
    amount_legend: "Сумма",
    one_off: "Разово",
    monthly: "Ежемесячно",
    annual: "Ежегодно",
    payment_methods: "Способы оплаты",
    other_amount: "Другая сумма",
    amount_in: "Ваша сумма в",
    amount_empty: "Введите сумму.",
    amount_invalid: "Введите число, например 15 или 12,50.",
    amount_not_positive: "Сумма должна быть больше нуля.",
    amount_too_large: "Введите сумму поменьше.",
    months: [
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
        "октября", "ноября", "декабря",
    ],
};
