/**
 * The notice kinds, in menu order. A copy of the contract's NOTICE_KINDS (importing that value would
 * bring zod into the sidebar); the type below fails to compile if the two ever differ.
 */
import type { NoticeKind } from '../rpc/contract';

export const NOTICE_KINDS_LIST = [
  'thong-bao-ket-luan',
  'phan-bo-dai-bieu',
  'phan-cong-nhiem-vu',
  'giay-moi',
  'danh-sach-dai-bieu',
] as const satisfies readonly NoticeKind[];

type Missing = Exclude<NoticeKind, (typeof NOTICE_KINDS_LIST)[number]>;
export type KindsComplete = [Missing] extends [never] ? true : { missing: Missing };
export const KINDS_COMPLETE: KindsComplete = true;
