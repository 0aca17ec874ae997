package cn.tongguan.democity;

/** 部件状态 per GB/T 47678.5 table 2. */
public enum PartState {
    完好, 破损, 丢失, 废弃
}
