import { createAddress } from './detectors/address.js';
import { bankCard } from './detectors/bank-card.js';
import { email } from './detectors/email.js';
import { idCard } from './detectors/id-card.js';
import { ip } from './detectors/ip.js';
import { landline } from './detectors/landline.js';
import { mac } from './detectors/mac.js';
import { mobile } from './detectors/mobile.js';
import { passport } from './detectors/passport.js';
import { createPersonName } from './detectors/person-name.js';
import { plate } from './detectors/plate.js';
import { travelPermit } from './detectors/travel-permit.js';
import { urlCredentials } from './detectors/url-credentials.js';
import { uscc } from './detectors/uscc.js';
import type { PiiDictionaries } from './dictionaries.js';
import type { Detector, PiiType } from './types.js';

/** Every detector by its type id: a typed map, so a missing detector is a compile error. */
export type DetectorRegistry = { readonly [T in PiiType]: Detector & { readonly type: T } };

export function createDetectors(dicts: PiiDictionaries): DetectorRegistry {
  return {
    'cn-id-card': idCard as Detector & { type: 'cn-id-card' },
    'cn-mobile': mobile as Detector & { type: 'cn-mobile' },
    'cn-landline': landline as Detector & { type: 'cn-landline' },
    'bank-card': bankCard as Detector & { type: 'bank-card' },
    'cn-uscc': uscc as Detector & { type: 'cn-uscc' },
    passport: passport as Detector & { type: 'passport' },
    'cn-travel-permit': travelPermit as Detector & { type: 'cn-travel-permit' },
    'cn-plate': plate as Detector & { type: 'cn-plate' },
    email: email as Detector & { type: 'email' },
    ip: ip as Detector & { type: 'ip' },
    mac: mac as Detector & { type: 'mac' },
    'url-credentials': urlCredentials as Detector & { type: 'url-credentials' },
    'person-name': createPersonName(dicts) as Detector & { type: 'person-name' },
    address: createAddress(dicts) as Detector & { type: 'address' },
  };
}
