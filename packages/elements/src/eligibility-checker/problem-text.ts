import { msg, str } from '@lit/localize';
import type { Digits, Problem } from './messages.ts';

// Problems are found only when an answer is read (the steps add-on, steps.ts), so their words
// travel with it.

/** What is wrong with an answer, and what to write instead. */
export function problemText(problem: Problem, digits: Digits): string {
  const { question } = problem;
  const limit = digits(problem.limit ?? 0);
  switch (problem.code) {
    case 'required':
      if (question.type === 'date')
        return msg('تاریخی نوشته نشده است؛ تاریخ را به شکل سال/ماه/روز بنویسید، مثلاً ۱۴۰۳/۰۵/۱۲.');
      if (question.type === 'number' || question.type === 'age')
        return msg('پاسخی نوشته نشده است؛ یک عدد بنویسید (عدد تقریبی هم درست است).');
      return msg('پاسخی انتخاب نشده است؛ برای ادامه یکی از پاسخ‌ها را انتخاب کنید.');
    case 'not_a_number':
      return msg('این عدد نیست؛ فقط با رقم بنویسید، مثلاً ۱۲۰۰۰۰۰۰.');
    case 'not_whole':
      return msg('عدد باید صحیح باشد؛ آن را بدون اعشار بنویسید.');
    case 'too_small':
      return msg(str`عدد کمتر از حد پذیرفتنی است؛ ${limit} یا بیشتر بنویسید.`);
    case 'too_large':
      return msg(str`عدد بیشتر از حد پذیرفتنی است؛ ${limit} یا کمتر بنویسید.`);
    case 'not_a_date':
      return msg('این تاریخ درست نیست؛ آن را به شکل سال/ماه/روز بنویسید، مثلاً ۱۴۰۳/۰۵/۱۲.');
    case 'in_future':
      return msg('این تاریخ در آینده است؛ تاریخ امروز یا پیش از آن را بنویسید.');
    case 'too_many_members':
      return msg(str`حداکثر ${limit} نفر را می‌توانید اضافه کنید؛ افراد اضافه را حذف کنید.`);
    default:
      return msg('این پاسخ جزو گزینه‌ها نیست؛ یکی از گزینه‌های نشان‌داده‌شده را انتخاب کنید.');
  }
}
