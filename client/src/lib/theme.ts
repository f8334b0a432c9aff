/** Official, sober colours: a government blue; seal red only for danger and the mark. */
export const BRAND = {
  primary: '#1d4f91',
  header: '#173f73',
  headerDeep: '#0f2c54',
  seal: '#b3261e',
  page: '#f3f5f8',
};
