/**
 * Persian for Decap CMS's own interface: corrections and additions laid over the `fa` locale
 * Decap ships (decap-cms-locales 3.8). That locale lacks 37 of the English keys (they would
 * show in English) and machine-translates a few words the office sees on every save:
 * "save" as صرفه جویی ("thrift") and the failed-save notice as "continuing the login failed".
 * admin.ts merges this over Decap's `fa` and registers the result with CMS.registerLocale.
 * Keys follow Decap's `en` locale; `%{name}` placeholders are Decap's.
 */
export const decapFaSupplement = {
  auth: {
    login: 'ورود',
    loggingIn: 'در حال ورود…',
    loginWithForgejo: 'ورود با Forgejo',
    loginWithGitea: 'ورود با Gitea',
  },
  app: {
    header: { content: 'محتوا', media: 'تصویرها', quickAdd: 'افزودن سریع' },
  },
  collection: {
    sidebar: { collections: 'بخش‌ها', allCollections: 'همه‌ی بخش‌ها', searchAll: 'جست‌وجو در همه' },
    entries: {
      loadingEntries: 'در حال خواندن فهرست…',
      // Decap's says "saving the entries" while it only reads them.
      cachingEntries: 'در حال آماده کردن فهرست…',
      noEntries: 'هنوز چیزی نوشته نشده است',
      unpublishedHeader: 'منتشرنشده‌ها',
    },
    collectionTop: {
      sortBy: 'مرتب‌سازی بر پایه‌ی',
      viewAsList: 'نمایش فهرستی',
      viewAsGrid: 'نمایش شبکه‌ای',
      newButtonAriaLabel: 'نوشتن %{collectionLabel} تازه',
    },
  },
  editor: {
    editorControl: { field: { widgetLabel: 'فیلد %{widgetLabel}' } },
    editorInterface: {
      toggleNotes: 'نمایش یا پنهان کردن یادداشت‌ها',
      // Decap's: "change the preview", "i18n", "scroll synchronisation".
      togglePreview: 'نمایش یا پنهان کردن پیش‌نمایش',
      toggleScrollSync: 'پیمایش هم‌زمان فرم و پیش‌نمایش',
      toggleI18n: 'نمایش یا پنهان کردن زبان‌ها',
    },
    editorNotesPane: {
      title: 'یادداشت‌ها',
      emptyState: 'هنوز یادداشتی نیست. نخستین یادداشت را در پایین بنویسید.',
      addNote: 'افزودن یادداشت',
      addPlaceholder: 'یادداشتی بنویسید…',
      editPlaceholder: 'یادداشت را ویرایش کنید…',
      save: 'ذخیره',
      cancel: 'انصراف',
      edit: 'ویرایش',
      delete: 'حذف',
      resolve: 'انجام شد',
      unresolve: 'بازگشایی',
      confirmDelete: 'این یادداشت حذف شود؟',
      shortcut: 'برای افزودن سریع Ctrl+Enter را بزنید',
    },
    editorToolbar: {
      save: 'ذخیره',
      saving: 'در حال ذخیره…',
      publish: 'ذخیره',
      // Shown after saving; a saved draft is not published, so it says what happened.
      published: 'ذخیره‌شده',
      publishing: 'در حال ذخیره…',
      publishNow: 'ذخیره کن',
      publishAndCreateNew: 'ذخیره و نوشتن خبر تازه',
      publishAndDuplicate: 'ذخیره و ساختن رونوشت',
      duplicate: 'رونوشت',
      deleteEntry: 'حذف',
      deletePublishedEntry: 'حذف',
      backCollection: 'بازگشت به %{collectionLabel}',
      unsavedChanges: 'تغییرات ذخیره‌نشده',
      changesSaved: 'تغییرات ذخیره شد',
    },
    editorWidgets: {
      markdown: {
        // Decap's: "to connect", "bullet-shot list", "rich text" (as in wealthy).
        link: 'پیوند',
        linkPrompt: 'نشانی پیوند را بنویسید',
        headings: 'میان‌تیترها',
        bulletedList: 'فهرست نقطه‌دار',
        numberedList: 'فهرست شماره‌دار',
        addComponent: 'افزودن بخش',
        richText: 'متن قالب‌دار',
        strikethrough: 'خط‌خورده',
        toggleMode: { rich: 'رفتن به حالت متن قالب‌دار', markdown: 'رفتن به حالت مارک‌داون' },
      },
      datetime: { clear: 'پاک کردن', setToNow: '%{fieldLabel} را اکنون بگذار' },
      object: { expand: 'باز کردن', collapse: 'بستن' },
    },
  },
  mediaLibrary: {
    // Decap's: "choose the chosen", "media assets" (as in finance), "no result one".
    mediaLibraryModal: {
      close: 'بستن',
      chooseSelected: 'گذاشتن تصویر برگزیده',
      deleteSelected: 'پاک کردن تصویر برگزیده',
      mediaAssets: 'پرونده‌ها',
      noAssetsFound: 'پرونده‌ای پیدا نشد.',
      noResults: 'چیزی پیدا نشد.',
      search: 'جست‌وجو…',
      uploading: 'در حال بارگذاری…',
      loading: 'در حال خواندن…',
    },
    // Shown only if upload-limit.ts did not answer first.
    mediaLibrary: {
      fileTooLarge:
        'این پرونده بزرگ‌تر از %{size} کیلوبایت است و پذیرفته نمی‌شود؛ تصویر کوچک‌تری بفرستید.\nFile too large: at most %{size} kB.',
    },
  },
  ui: {
    settingsDropdown: { account: 'گزینه‌های حساب' },
    toast: {
      onFailToPersist: 'ذخیره نشد: %{details}',
      entrySaved: 'ذخیره شد',
      // Decap shows this whenever a field's check fails, not only for an empty one.
      missingRequiredField:
        'ذخیره نشد: مشکل‌هایی را که کنار فیلدها نوشته شده است درست کنید.\nNot saved: fix the problems shown by the fields.',
      noteAdded: 'یادداشت افزوده شد',
      onFailToAddNote: 'یادداشت افزوده نشد: %{details}',
      noteUpdated: 'یادداشت به‌روز شد',
      onFailToUpdateNote: 'یادداشت به‌روز نشد: %{details}',
      noteDeleted: 'یادداشت حذف شد',
      onFailToDeleteNote: 'یادداشت حذف نشد: %{details}',
      noteResolved: 'یادداشت انجام‌شده علامت خورد',
      noteReopened: 'یادداشت دوباره باز شد',
      onFailToToggleNote: 'وضعیت یادداشت تغییر نکرد: %{details}',
    },
  },
};

/** Both objects merged, `over` winning; neither is changed. */
export function deepMerge<T>(base: T, over: unknown): T {
  if (!isRecord(base) || !isRecord(over)) return (over ?? base) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = deepMerge(out[key], value);
  return out as T;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
