// Cities of the provincial capital economic circle (省会经济圈), in catalogue order.
import type { CitySeed } from "./types";

export const cities: CitySeed[] = [
  { code: "jinan", nameZh: "济南", nameEn: "Jinan" },
  { code: "zibo", nameZh: "淄博", nameEn: "Zibo" },
  { code: "taian", nameZh: "泰安", nameEn: "Tai'an" },
  { code: "liaocheng", nameZh: "聊城", nameEn: "Liaocheng" },
  { code: "dezhou", nameZh: "德州", nameEn: "Dezhou" },
  { code: "binzhou", nameZh: "滨州", nameEn: "Binzhou" },
  { code: "dongying", nameZh: "东营", nameEn: "Dongying" },
];
