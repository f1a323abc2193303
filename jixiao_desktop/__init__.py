"""jixiao-desktop: 绩效目标表桌面填报 — fill in, check and print budget performance-target forms offline."""

__version__ = "0.1.0"
