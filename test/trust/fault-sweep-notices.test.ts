/**
 * Fault sweep over the writes of the three documents (one failure per Google Doc call, every write
 * of the `Văn bản` log): a document that failed is never logged as done, and the message says so.
 */
import { sweepTests } from './sweep';

sweepTests(['Kon Tum decorated'], ['generateNotice thong-bao-ket-luan', 'generateNotice phan-cong-nhiem-vu']);
sweepTests(['Lạng Sơn cấp xã (text codes) decorated'], ['generateNotice phan-bo-dai-bieu'], ['allocateDelegates']);
