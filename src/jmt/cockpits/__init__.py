"""数据驾驶舱: 综合数据 (A3, with its 大屏 mode and custom reports) and 综合服务 (A4)."""
