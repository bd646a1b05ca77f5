// Programmes (强省会战略, 省会经济圈一体化发展) and their areas, as described in the source article.
import type { AreaSeed, ProgrammeSeed } from "./types";

export const programmes: ProgrammeSeed[] = [
  {
    code: "P1",
    titleZh: "强省会战略",
    titleEn: "Strong Provincial Capital Strategy",
    descriptionZh: "中共山东省委十一届十二次全会明确提出实施“强省会”战略，2021年山东省政府工作报告再次明确；省委省政府作出省市一体推进济南加快发展的重大决策，中共济南市委、济南市人民政府印发贯彻落实强省会战略的实施意见。",
    descriptionEn: "Put forward by the 12th plenary session of the 11th CPC Shandong Provincial Committee and restated in the 2021 provincial government work report; the province decided to push Jinan's faster development jointly with the city, and Jinan issued implementation opinions on the strategy.",
  },
  {
    code: "P2",
    titleZh: "省会经济圈一体化发展",
    titleEn: "Integrated Development of the Provincial Capital Economic Circle",
    descriptionZh: "推进省会经济圈“一圈同城、共建共享”，加快推进基础设施、产业发展、市场融通、公共服务一体化和济泰同城化、济淄同城化、济齐融合发展，引领带动省会经济圈加快形成协调联动发展格局。",
    descriptionEn: "“One circle, one city; build and share together”: speed up the integration of infrastructure, industry, markets and public services, and Jinan's same-city integration with Tai'an and Zibo and integrated development with Qihe, so that the circle forms a coordinated, interlinked pattern of development.",
  },
];

export const areas: AreaSeed[] = [
  { code: "1", programme: "P1", titleZh: "强省会战略实施", titleEn: "Implementing the strong provincial capital strategy" },
  { code: "2.0", programme: "P2", titleZh: "统筹机制", titleEn: "Governance and coordination" },
  { code: "2.1", programme: "P2", titleZh: "基础设施一体化", titleEn: "Infrastructure integration" },
  { code: "2.2", programme: "P2", titleZh: "产业发展一体化", titleEn: "Industrial development integration" },
  { code: "2.3", programme: "P2", titleZh: "市场融通一体化", titleEn: "Market integration" },
  { code: "2.4", programme: "P2", titleZh: "公共服务一体化", titleEn: "Public-service integration" },
  { code: "2.5", programme: "P2", titleZh: "同城化与融合发展", titleEn: "Same-city integration and integrated development" },
];
