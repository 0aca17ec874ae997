-- A small built-in seed so that the platform is usable on embedded defaults: Xinxiang's 4 urban districts,
-- a handful of categories with time limits, 9 departments. The demo-city generator (issue 4) replaces and
-- extends these through the bulk import. Codes follow GB/T 47678.5-2026 as quoted in domain.md §2.
INSERT INTO divisions (code, name, level, parent_code) VALUES
  ('410702', '红旗区', 'district', NULL), ('410703', '卫滨区', 'district', NULL),
  ('410704', '凤泉区', 'district', NULL), ('410711', '牧野区', 'district', NULL);

INSERT INTO categories (kind, code, level, parent_code, name) VALUES
  ('part', '01', 'big', NULL, '市政公用设施'), ('part', '02', 'big', NULL, '交通设施'),
  ('part', '03', 'big', NULL, '市容环卫设施'), ('part', '04', 'big', NULL, '园林绿化设施'),
  ('part', '01001', 'small', '01', '上水井盖'), ('part', '01002', 'small', '01', '污水井盖'),
  ('part', '01003', 'small', '01', '雨水井盖'), ('part', '01004', 'small', '01', '雨水箅子'),
  ('part', '01037', 'small', '01', '路灯'), ('part', '02014', 'small', '02', '交通信号灯'),
  ('part', '03001', 'small', '03', '公共厕所'), ('part', '03005', 'small', '03', '垃圾箱'),
  ('part', '04002', 'small', '04', '行道树'),
  ('event', '06', 'big', NULL, '市容环境类'), ('event', '07', 'big', NULL, '宣传广告类'),
  ('event', '08', 'big', NULL, '施工管理类'), ('event', '09', 'big', NULL, '街面秩序类'),
  ('event', '10', 'big', NULL, '其他事项类'),
  ('event', '06001', 'small', '06', '私搭乱建'), ('event', '06010', 'small', '06', '暴露垃圾'),
  ('event', '06011', 'small', '06', '积存垃圾渣土'), ('event', '06012', 'small', '06', '道路不洁'),
  ('event', '06029', 'small', '06', '露天烧烤'), ('event', '07001', 'small', '07', '非法小广告'),
  ('event', '08004', 'small', '08', '工地扬尘'), ('event', '09006', 'small', '09', '占道经营'),
  ('event', '09009', 'small', '09', '机动车乱停放'), ('event', '10001', 'small', '10', '道路积雪结冰');

INSERT INTO time_limits (kind, category_code, urgency, amount, unit) VALUES
  ('part', '01001', 'normal', 1, 'work_day'), ('part', '01001', 'urgent', 6, 'hour'),
  ('part', '01002', 'normal', 1, 'work_day'), ('part', '01002', 'urgent', 2, 'hour'),
  ('part', '01003', 'normal', 1, 'work_day'), ('part', '01003', 'urgent', 6, 'hour'),
  ('part', '01004', 'normal', 2, 'work_day'), ('part', '01037', 'normal', 1, 'work_day'),
  ('part', '02014', 'normal', 4, 'work_hour'), ('part', '02014', 'urgent', 2, 'hour'),
  ('part', '03001', 'normal', 2, 'work_day'), ('part', '03005', 'normal', 1, 'work_day'),
  ('part', '04002', 'normal', 3, 'work_day'),
  ('event', '06001', 'normal', 15, 'work_day'), ('event', '06010', 'normal', 1, 'work_day'),
  ('event', '06010', 'urgent', 4, 'work_hour'), ('event', '06011', 'normal', 4, 'work_day'),
  ('event', '06012', 'normal', 5, 'work_hour'), ('event', '06029', 'normal', 2, 'hour'),
  ('event', '07001', 'normal', 1, 'work_day'), ('event', '08004', 'normal', 2, 'work_day'),
  ('event', '09006', 'normal', 4, 'work_hour'), ('event', '09009', 'normal', 2, 'work_hour'),
  ('event', '10001', 'normal', 1, 'day'), ('event', '10001', 'urgent', 6, 'hour');

INSERT INTO departments (code, name) VALUES
  ('D01', '市城市管理局环境卫生管理处'), ('D02', '市市政工程管理处'), ('D03', '市园林绿化管理处'),
  ('D04', '市住房和城乡建设局'), ('D05', '市自来水公司'), ('D06', '市排水管理处'),
  ('D07', '国网新乡供电公司'), ('D08', '市公安局交通警察支队'), ('D09', '市城市管理综合执法支队');

INSERT INTO department_scopes (department_code, category_code, district_code) VALUES
  ('D01', '06010', '*'), ('D01', '06011', '*'), ('D01', '06012', '*'), ('D01', '03001', '*'), ('D01', '03005', '*'),
  ('D02', '01037', '*'), ('D03', '04002', '*'), ('D04', '08004', '*'), ('D05', '01001', '*'),
  ('D06', '01002', '*'), ('D06', '01003', '*'), ('D06', '01004', '*'), ('D07', '01037', '*'),
  ('D08', '02014', '*'), ('D08', '09009', '*'), ('D09', '06001', '*'), ('D09', '06029', '*'),
  ('D09', '07001', '*'), ('D09', '09006', '*'), ('D01', '10001', '*');
