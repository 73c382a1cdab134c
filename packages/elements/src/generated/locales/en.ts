
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's02ff1b2f4d2be009': str`Call ${0}`,
's59b331906d8a2424': `Help lines`,
's63c89d6864a909c7': `Counselling line`,
's64054ab3a5718f39': `Social emergency`,
's67ecf6de3e707bbf': `There is a problem`,
'sba7a6917f1a01328': `Psychological, family and marriage counselling by phone.`,
'sd561dae62f212aea': `For domestic violence, child abuse, risk of suicide and other social crises; day and night, free of charge.`,
    };
  