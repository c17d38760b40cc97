/**
 * The notice kinds, in menu order. A copy of the contract's NOTICE_KINDS (importing that value would
 * bring zod into the sidebar); the type below fails to compile if the two ever differ.
 */
import type { NoticeKind } from '../rpc/contract';
import { KIND_NAMES } from '../ui/vi';

/** The one name of each kind (src/ui/vi.ts): the sidebar shows the same names as the menu, the log and the Doc. */
export const KIND_LABELS: Record<NoticeKind, string> = KIND_NAMES;

export const NOTICE_KINDS_LIST = [
  'thong-bao-ket-luan',
  'phan-bo-dai-bieu',
  'phan-cong-nhiem-vu',
  'giay-moi',
  'danh-sach-dai-bieu',
  'bao-cao-co-cau',
] as const satisfies readonly NoticeKind[];

type Missing = Exclude<NoticeKind, (typeof NOTICE_KINDS_LIST)[number]>;
export type KindsComplete = [Missing] extends [never] ? true : { missing: Missing };
export const KINDS_COMPLETE: KindsComplete = true;
