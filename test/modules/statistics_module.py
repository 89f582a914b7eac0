# expected: python3.13 (the reference)
import statistics as st
from fractions import Fraction as F
from decimal import Decimal as D
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.mean([1, 2, 3, 4]), st.mean([F(1, 2), F(3, 4)]), st.mean([D('0.5'), D('0.75')]), st.mean([1.5, 2.5, 2]), st.fmean(data), st.fmean([1, 2], weights=[3, 1]))
print(st.median(data), st.median([1, 3, 5]), st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]), st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), st.mode([1, 1, 2, 3]), st.mode('aabbbc'), st.multimode('aabbcd'))
print(st.pvariance(data), st.variance(data), st.pstdev(data), st.stdev(data), st.variance([F(1), F(2), F(4)]), st.stdev([D('1.5'), D('2.5'), D('2.5'), D('2.75')]), st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]), st.harmonic_mean([40, 60], weights=[5, 30]), st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]; y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(st.covariance(x, y), st.correlation(x, y), st.linear_regression(x, [2*v + 1 for v in x]), st.correlation(x, x, method='ranked'), st.quantiles([1, 2, 3, 4, 5], method='inclusive'))
nd = st.NormalDist(100, 15)
print(nd, round(nd.cdf(130), 10), round(nd.pdf(100), 12), round(nd.inv_cdf(0.975), 6), nd.zscore(130), nd + 5, nd * 2, round(st.NormalDist(2.4, 1.6).overlap(st.NormalDist(3.2, 2.0)), 10), st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
for bad in ['st.mean([])', 'st.variance([1])', 'st.mode([])', 'st.median([])', 'st.stdev([1])', 'st.geometric_mean([-1])']:
    try: print(eval(bad))
    except Exception as e: print(type(e).__name__, e)
